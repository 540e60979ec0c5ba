"""The desktop window (PySide6). It calls factdesk.services and never builds SQL itself."""
