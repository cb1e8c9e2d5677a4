"""ASGI entry point: HTTP through Django, WebSockets through Channels."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from django.core.asgi import get_asgi_application

from config.open_files import raise_open_file_limit

raise_open_file_limit()  # one descriptor per open WebSocket, and daphne does not raise the limit itself
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from config.routing import websocket_urlpatterns  # noqa: E402
from matching.ranking import warm_up  # noqa: E402
from realtime.auth import TicketOrSessionAuthMiddleware  # noqa: E402

warm_up()  # before the first request, not during it

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": TicketOrSessionAuthMiddleware(URLRouter(websocket_urlpatterns)),
    }
)
