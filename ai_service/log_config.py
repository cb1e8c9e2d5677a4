"""JSON logs on stdout, one object per line, for promtail and Loki: the same fields as Django's and the workers'
(time, level, service, logger, message, request_id)."""

import logging
import os
import sys

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

from ai_service.request_id import RequestIdFilter

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
HANDLER_NAME = "ai_service_json_stdout"
# uvicorn repeats each message with terminal colour codes in `color_message`; that copy is noise here.
SKIPPED_RECORD_FIELDS = [*RESERVED_ATTRS, "color_message"]


class ServiceFilter(logging.Filter):
    """Names the service on every record (LOG_NAME, as supervisord and docker-compose set it)."""

    def __init__(self) -> None:
        super().__init__()
        self.service = os.environ.get("LOG_NAME") or "ai_service"

    def filter(self, record: logging.LogRecord) -> bool:
        record.service = self.service
        return True


def configure_logging(level: str = "INFO") -> None:
    """Send every log record, uvicorn's included, to stdout as JSON. Safe to call more than once."""
    handler = logging.StreamHandler(sys.stdout)
    handler.set_name(HANDLER_NAME)
    handler.addFilter(RequestIdFilter())
    handler.addFilter(ServiceFilter())
    handler.setFormatter(
        JsonFormatter(
            LOG_FORMAT,
            rename_fields={"levelname": "level", "name": "logger", "asctime": "time"},
            reserved_attrs=SKIPPED_RECORD_FIELDS,
        )
    )
    root = logging.getLogger()
    for existing in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    # uvicorn installs plain-text handlers before it imports the app; route its records through ours.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
