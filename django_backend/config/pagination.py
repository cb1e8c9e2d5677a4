"""Paging for every list in the API: a malformed or out-of-range page is a 404 `invalid_page`, never a query the
database cannot run (an offset past bigint) or an unbounded one."""

from __future__ import annotations

from typing import Any

from django.core.paginator import InvalidPage as DjangoInvalidPage
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import pagination
from rest_framework.exceptions import NotFound
from rest_framework.request import Request

MAX_PAGE_SIZE = 100
# The deepest row a page of a computed list (ranking) may start at: deeper pages would make ranking retrieve and
# score that many candidates. Lists of rows go as deep as their count.
MAX_OFFSET = 10_000
# Longer page numbers are refused before they are parsed; a list this long is beyond any database we run.
MAX_PAGE_NUMBER = 10**12


class InvalidPage(NotFound):
    default_detail = "Invalid page."
    default_code = "invalid_page"


def _whole_number(raw: str, *, name: str, upper: int) -> int:
    if not raw.isascii() or not raw.isdigit() or len(raw) > len(str(upper)) or not 1 <= int(raw) <= upper:
        raise InvalidPage(f"`{name}` must be a whole number from 1 to {upper}.")
    return int(raw)


def page_window(request: Request, *, default_size: int, max_size: int = MAX_PAGE_SIZE) -> tuple[int, int]:
    """(page, page_size) from `?page=` and `?page_size=`, for views that page a computed list themselves."""
    size = _whole_number(request.query_params.get("page_size", str(default_size)), name="page_size", upper=max_size)
    page = _whole_number(request.query_params.get("page", "1"), name="page", upper=MAX_OFFSET // size + 1)
    return page, size


def page_parameters(*, default_size: int, max_size: int = MAX_PAGE_SIZE) -> list[OpenApiParameter]:
    """The OpenAPI description of `page_window`'s parameters."""
    return [
        OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1.", default=1),
        OpenApiParameter(
            "page_size", OpenApiTypes.INT, description=f"Results per page, 1 to {max_size}.", default=default_size
        ),
    ]


def check_page_exists(*, page: int, size: int, count: int) -> None:
    """A page past the last one is not found (page 1 of an empty list exists), as on every paginated list."""
    if page > 1 and (page - 1) * size >= count:
        raise InvalidPage(f"Page {page} is past the last page.")


class PageNumberPagination(pagination.PageNumberPagination):
    """DRF's page-number paging with `?page_size=` (1 to 100) and typed errors: a malformed `page_size` is refused
    rather than silently replaced by the default."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param or "page_size")
        if raw is None:
            return int(self.page_size or MAX_PAGE_SIZE)
        return _whole_number(raw, name="page_size", upper=self.max_page_size or MAX_PAGE_SIZE)

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any] | None:
        page_size = self.get_page_size(request)
        paginator = self.django_paginator_class(queryset, page_size)
        raw = request.query_params.get(self.page_query_param, "1")
        if raw in self.last_page_strings:
            raw = str(paginator.num_pages)
        try:
            self.page = paginator.page(_whole_number(raw, name="page", upper=MAX_PAGE_NUMBER))
        except DjangoInvalidPage as error:
            raise InvalidPage(f"Page {raw} is past the last page.") from error
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        self.request = request
        return list(self.page)
