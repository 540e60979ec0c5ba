"""Every user action of the desk, callable without Qt: the CLI and the window both use these."""

from factdesk.services.articles import (
    ArticleMeta,
    ImportedArticle,
    ImportReport,
    import_feed,
    import_paths,
    import_text,
    import_texts,
    list_feed,
    saved_source,
)
from factdesk.services.claims import (
    ClaimDetail,
    ClaimFilter,
    ClaimRow,
    Page,
    claim_history,
    count_claims,
    get_claim,
    list_claims,
)
from factdesk.services.commands import Command
from factdesk.services.common import ServiceError, default_analyst
from factdesk.services.edits import (
    add_evidence,
    add_note,
    add_status,
    bulk_set_status,
    change_tags,
    list_statuses,
    merge_entities,
    rename_status,
    set_status,
    tag_claim,
)
from factdesk.services.entities import list_entities
from factdesk.services.maintenance import ensure_search_keys, open_desk

__all__ = [
    "ArticleMeta",
    "ClaimDetail",
    "ClaimFilter",
    "ClaimRow",
    "Command",
    "ImportReport",
    "ImportedArticle",
    "Page",
    "ServiceError",
    "add_evidence",
    "add_note",
    "add_status",
    "bulk_set_status",
    "change_tags",
    "claim_history",
    "count_claims",
    "default_analyst",
    "ensure_search_keys",
    "get_claim",
    "import_feed",
    "import_paths",
    "import_text",
    "import_texts",
    "list_claims",
    "list_entities",
    "list_feed",
    "list_statuses",
    "merge_entities",
    "open_desk",
    "rename_status",
    "saved_source",
    "set_status",
    "tag_claim",
]
