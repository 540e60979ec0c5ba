"""Reports written from the desk: the CSV verification report (atomic, Excel-safe)."""

from factdesk.reports.csv_report import (
    HEADER,
    ReportCancelled,
    ReportError,
    neutralise,
    write_claims_csv,
)

__all__ = ["HEADER", "ReportCancelled", "ReportError", "neutralise", "write_claims_csv"]
