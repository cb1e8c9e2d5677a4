"""`GET /api/analytics/<figure>/`: one figure of the caller's organization as JSON, or CSV (`?format=csv` or
`<figure>/export.csv`). Filters: `job`, `start`, `end` (analytics.filters)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsOrganizationMember, request_organization
from analytics.export import FigureCSVRenderer
from analytics.figures import FIGURES
from analytics.filters import AnalyticsFilterForm

FILTER_PARAMETERS = [
    OpenApiParameter("job", OpenApiTypes.INT, description="Only this job of your organization."),
    OpenApiParameter("start", OpenApiTypes.DATE, description="Applications received from this day (UTC), included."),
    OpenApiParameter("end", OpenApiTypes.DATE, description="Applications received until this day (UTC), included."),
]


class FigureView(APIView):
    """One analytics figure: `columns` and `rows`, each row about all jobs, one job or one recruiter (`scope`)."""

    permission_classes = [IsOrganizationMember]
    renderer_classes = [JSONRenderer, FigureCSVRenderer]
    figure = ""  # a key of FIGURES, given by the URL conf

    @extend_schema(parameters=FILTER_PARAMETERS, responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        form = AnalyticsFilterForm(request.query_params, organization=request_organization(request))
        if not form.is_valid():
            raise ValidationError(
                {
                    "non_field_errors" if field == "__all__" else field: [str(error) for error in errors]
                    for field, errors in form.errors.items()
                }
            )
        figure = FIGURES[self.figure]
        response = Response(figure.payload(form.filters()))
        if request.accepted_renderer.format == "csv":
            response["Content-Disposition"] = f'attachment; filename="analytics-{figure.slug}.csv"'
        return response
