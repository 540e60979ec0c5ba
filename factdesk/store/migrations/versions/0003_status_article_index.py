"""Index for "claims with this status, in reading order" (the article sort under a status filter).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Measured at 1M claims: a quote+false page sorted by article took 70 ms (sorting every false
claim); with (status_id, article_id, start_pos) it is an index walk that stops after one page.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch_op:
        batch_op.create_index(
            "ix_claims_status_article", ["status_id", "article_id", "start_pos"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch_op:
        batch_op.drop_index("ix_claims_status_article")
