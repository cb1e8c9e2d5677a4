"""The one mechanism that scopes every Django admin to the signed-in user's organization.

Every ModelAdmin derives from `OrganizationScopedAdmin` and every inline from `OrganizationScopedInline`, and
declares once, as `organization_path`, the lookup from its model to the Organization that owns a row:
`"organization"`, `"job__organization"`, `"pk"` for Organization itself, or `None` for platform data (superusers
only). From that declaration:

- list, detail, history, delete and action querysets hold the user's organization's rows only: a superuser sees
  everything, a staff user without an organization sees no organization-owned row;
- every ForeignKey and ManyToMany choice (select, raw id, autocomplete) offers only rows of the user's
  organization, read from the related model's own declared path; autocomplete and search results are scoped;
- organization list filters are removed for non-superusers, and other relation filters list only related rows
  that appear in the user's own rows;
- the `organization` field is set from the user and is never editable by a non-superuser (nor, once a row
  exists, by anyone unless the admin says so: moving a row would strand what points at it);
- a form that would save a row pointing at another organization's row is refused (a validation error), and
  `save_form` / `save_model` / `save_formset` refuse it again (PermissionDenied) whatever the form did.

A system check (accounts.E901-E904) fails when a registered admin or inline does not use the mechanism or
declares a path that does not lead to Organization.
"""

from __future__ import annotations

import functools
from typing import Any

from django.contrib import admin
from django.contrib.admin.filters import RelatedFieldListFilter, RelatedOnlyFieldListFilter
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.core import checks
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.models import Organization

UNDECLARED = object()  # an admin that has not said how its rows belong to an organization
OTHER_ORGANIZATION = "This belongs to another organization."


# --- Paths ------------------------------------------------------------------------------------------------------


def declared_paths(site: admin.AdminSite | None = None) -> dict[type[models.Model], Any]:
    """Every model's organization path, as its admin (or an inline showing it) declares it."""
    site = site or admin.site
    paths: dict[type[models.Model], Any] = {Organization: "pk"}
    for model_admin in site._registry.values():
        for inline in model_admin.inlines:
            path = getattr(inline, "organization_path", UNDECLARED)
            if path is not UNDECLARED:
                paths.setdefault(inline.model, path)
    for model, model_admin in site._registry.items():
        path = getattr(model_admin, "organization_path", UNDECLARED)
        if path is not UNDECLARED:
            paths[model] = path
    return paths


def organization_path_of(model: type[models.Model], site: admin.AdminSite | None = None) -> Any:
    """The model's declared path; UNDECLARED for a model no admin speaks for (its rows are offered to no one
    but superusers)."""
    return declared_paths(site).get(model, UNDECLARED)


def organization_id_of(obj: Any, path: str) -> int | None:
    """The organization that owns `obj`, following `path` through loaded or loadable relations."""
    if path == "pk":
        return obj.pk
    *hops, last = path.split("__")
    for hop in hops:
        try:
            obj = getattr(obj, hop)
        except ObjectDoesNotExist:
            return None
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)


def is_platform_admin(user: Any) -> bool:
    return bool(user.is_active and user.is_superuser)


def scope_to_user(queryset: QuerySet[Any], path: Any, user: Any) -> QuerySet[Any]:
    """The rows of `queryset` that `user` may see, given the model's organization path."""
    if is_platform_admin(user):
        return queryset
    organization_id = getattr(user, "organization_id", None)
    if path is None or path is UNDECLARED or not organization_id:
        return queryset.none()
    return queryset.filter(**{path: organization_id})


def _organization_fields(model: type[models.Model]) -> list[str]:
    return [
        field.name
        for field in model._meta.get_fields()
        if field.concrete and field.many_to_one and field.related_model is Organization
    ]


def _check_path(model_admin: Any) -> list[checks.CheckMessage]:
    path: Any = getattr(model_admin, "organization_path", UNDECLARED)
    label = f"{type(model_admin).__module__}.{type(model_admin).__qualname__}"
    if path is UNDECLARED:
        return [checks.Error(f"{label} does not declare organization_path.", obj=model_admin, id="accounts.E901")]
    if path is None or (path == "pk" and model_admin.model is Organization):
        return []
    try:
        last = get_fields_from_path(model_admin.model, path)[-1]
    except (FieldDoesNotExist, NotRelationField):
        last = None
    if last is None or not last.is_relation or last.related_model is not Organization:
        return [checks.Error(f"{label}.organization_path {path!r} does not lead to Organization.", id="accounts.E902")]
    return []


# --- What both admins and inlines share -------------------------------------------------------------------------


class OrganizationScoping:
    """Querysets, choices, read-only organization and the reference check, for ModelAdmins and inlines."""

    organization_path: Any = UNDECLARED  # a str or None, declared by every subclass
    # Users holding this permission see every organization's rows (e.g. operators and dead letters).
    all_organizations_permission: str | None = None
    # Only superusers may open this admin at all (platform data: organizations, groups, API tokens).
    superusers_only = False
    # Whether a superuser may move an existing row to another organization.
    organization_editable_on_change = False

    model: type[models.Model]
    admin_site: admin.AdminSite

    # Scope

    def sees_all_organizations(self, request: HttpRequest) -> bool:
        user = request.user
        if is_platform_admin(user):
            return True
        return bool(self.all_organizations_permission and user.has_perm(self.all_organizations_permission))

    def scope_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self._open_to(request):
            return queryset.none()
        if self.sees_all_organizations(request):
            return queryset
        return scope_to_user(queryset, self.organization_path, request.user)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return self.scope_queryset(request, super().get_queryset(request))  # type: ignore[misc]

    def _open_to(self, request: HttpRequest) -> bool:
        if is_platform_admin(request.user):
            return True
        # Platform data (no organization path) opens only to those who see every organization's rows.
        return not self.superusers_only and (self.organization_path is not None or self.sees_all_organizations(request))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._open_to(request) and super().has_view_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._open_to(request) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._open_to(request) and super().has_delete_permission(request, obj)  # type: ignore[misc]

    def _may_add(self, request: HttpRequest) -> bool:
        """New rows need an organization to belong to: the user's, unless a superuser picks one."""
        if is_platform_admin(request.user):
            return True
        return self._open_to(request) and bool(getattr(request.user, "organization_id", None))

    # Choices

    def choices_for(self, request: HttpRequest, db_field: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """The rows a user may pick for a relation: the related model's own organization scope."""
        return scope_to_user(queryset, organization_path_of(db_field.related_model, self.admin_site), request.user)

    def _scoped_formfield(self, request: HttpRequest, db_field: Any, formfield: Any) -> Any:
        if formfield is not None and getattr(formfield, "queryset", None) is not None:
            formfield.queryset = self.choices_for(request, db_field, formfield.queryset)
        return formfield

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]
        return self._scoped_formfield(request, db_field, formfield)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]
        return self._scoped_formfield(request, db_field, formfield)

    # The organization field

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))  # type: ignore[misc]
        fixed = not is_platform_admin(request.user) or (obj is not None and not self.organization_editable_on_change)
        if fixed:
            readonly += [name for name in _organization_fields(self.model) if name not in readonly]
        return readonly

    def assign_organization(self, request: HttpRequest, obj: Any) -> None:
        """A new row of a non-superuser belongs to the user's organization, whatever was posted."""
        if obj._state.adding and not is_platform_admin(request.user):
            for name in _organization_fields(self.model):
                setattr(obj, f"{name}_id", getattr(request.user, "organization_id", None))

    # The reference check

    def reference_errors(self, request: HttpRequest, obj: Any, form: Any) -> dict[str | None, str]:
        """Fields of `form` whose chosen rows belong to another organization than the row being saved (for a
        non-superuser: than their own); None keys the row itself belonging elsewhere."""
        user = request.user
        paths: dict[Any, Any] = declared_paths(self.admin_site)
        own_path = self.organization_path
        superuser = is_platform_admin(user)
        if superuser:
            expected = organization_id_of(obj, own_path) if isinstance(own_path, str) else None
        else:
            expected = getattr(user, "organization_id", None)
        errors: dict[str | None, str] = {}
        cleaned = getattr(form, "cleaned_data", {}) or {}
        for name in form.fields:
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            path = paths.get(field.related_model) if field.is_relation else None
            if not isinstance(path, str):
                continue  # not a relation, or platform data: which rows may be picked is the choices' business
            value = cleaned.get(name)  # absent when the field itself failed validation
            if field.many_to_many or field.one_to_many:
                related = list(value or [])
            else:
                related = [value] if value is not None else []
            for row in related:
                organization_id = organization_id_of(row, path)
                if superuser and expected is None:
                    expected = organization_id
                elif organization_id != expected and not (superuser and organization_id is None):
                    errors[name] = OTHER_ORGANIZATION
        # The row itself must be the user's organization's (an Application, through its job).
        checks_own_row = not errors and not superuser and not self.sees_all_organizations(request)
        if checks_own_row and isinstance(own_path, str) and organization_id_of(obj, own_path) != expected:
            errors[None] = OTHER_ORGANIZATION
        return errors

    def refuse_other_organizations(self, request: HttpRequest, obj: Any, form: Any) -> None:
        """Defence in depth after form validation: saving across organizations is never allowed."""
        self.assign_organization(request, obj)
        if self.reference_errors(request, obj, form):
            raise PermissionDenied(OTHER_ORGANIZATION)

    def scoped_form(self, request: HttpRequest, form_class: Any) -> Any:
        """`form_class` with the organization assigned before validation and the reference check after it."""
        scoping = self

        class OrganizationScopedForm(form_class):  # type: ignore[misc, valid-type]
            def _post_clean(self) -> None:
                scoping.assign_organization(request, self.instance)
                super()._post_clean()
                for field, message in scoping.reference_errors(request, self.instance, self).items():
                    if field is None and self._errors:
                        continue  # the row's own organization is unknown until its fields are valid
                    self.add_error(field, message)

        OrganizationScopedForm.__name__ = form_class.__name__
        OrganizationScopedForm.__qualname__ = form_class.__qualname__
        return OrganizationScopedForm


# --- ModelAdmins ------------------------------------------------------------------------------------------------


class OrganizationScopedAdmin(OrganizationScoping, admin.ModelAdmin):  # type: ignore[misc]
    """The base of every ModelAdmin of the project: see the module's docstring."""

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        return [*super().check(**kwargs), *_check_path(self)]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may_add(request) and super().has_add_permission(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._open_to(request) and super().has_module_permission(request)

    def get_search_results(self, request: HttpRequest, queryset: QuerySet[Any], search_term: str) -> Any:
        # Autocomplete searches the related admin's queryset (already scoped); scoped again here all the same.
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return self.scope_queryset(request, queryset), may_have_duplicates

    def get_list_filter(self, request: HttpRequest) -> Any:
        filters = super().get_list_filter(request)
        if is_platform_admin(request.user):
            return filters
        scoped: list[Any] = []
        field_path: Any
        filter_class: Any
        for item in filters:
            if isinstance(item, str):
                field_path, filter_class = item, None
            elif isinstance(item, (list, tuple)):
                field_path, filter_class = item
            else:
                scoped.append(item)  # a SimpleListFilter: its lookups are its own admin's business
                continue
            last = get_fields_from_path(self.model, field_path)[-1]
            if last.is_relation:
                if last.related_model is Organization:
                    continue  # no organization filter: there is one organization to see
                if filter_class is None or (
                    issubclass(filter_class, RelatedFieldListFilter)
                    and not issubclass(filter_class, RelatedOnlyFieldListFilter)
                ):
                    item = (field_path, RelatedOnlyFieldListFilter)  # related rows of the visible rows only
            scoped.append(item)
        return scoped

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions: dict[str, Any] = super().get_actions(request)
        return {name: (self._scoped_action(func), name, text) for name, (func, _, text) in actions.items()}

    @staticmethod
    def _scoped_action(func: Any) -> Any:
        @functools.wraps(func)
        def scoped(model_admin: Any, request: HttpRequest, queryset: QuerySet[Any]) -> Any:
            return func(model_admin, request, model_admin.scope_queryset(request, queryset))

        return scoped

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        # `change` by name: UserAdmin.get_form takes it in **kwargs.
        return self.scoped_form(request, super().get_form(request, obj, change=change, **kwargs))

    def get_changelist_form(self, request: HttpRequest, **kwargs: Any) -> Any:
        return self.scoped_form(request, super().get_changelist_form(request, **kwargs))

    def save_form(self, request: HttpRequest, form: Any, change: bool) -> Any:
        obj = super().save_form(request, form, change)
        self.refuse_other_organizations(request, obj, form)
        return obj

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        self.refuse_other_organizations(request, obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        for inline_form in formset.forms:
            if inline_form.has_changed() and hasattr(inline_form, "instance"):
                check = getattr(formset, "organization_scoping", self)
                check.refuse_other_organizations(request, inline_form.instance, inline_form)
        super().save_formset(request, form, formset, change)


# --- Inlines ----------------------------------------------------------------------------------------------------


class OrganizationScopedInline(OrganizationScoping):
    """The base of every inline: mix in before admin.TabularInline / admin.StackedInline."""

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        return [*super().check(**kwargs), *_check_path(self)]  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_add(request) and super().has_add_permission(request, obj)  # type: ignore[misc]

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        kwargs["form"] = self.scoped_form(request, kwargs.get("form", self.form))  # type: ignore[attr-defined]
        formset = super().get_formset(request, obj, **kwargs)  # type: ignore[misc]
        formset.organization_scoping = self
        return formset


# --- Every admin uses it ----------------------------------------------------------------------------------------


@checks.register(checks.Tags.admin)
def check_every_admin_is_scoped(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, OrganizationScopedAdmin):
            errors.append(
                checks.Error(
                    f"The admin of {model._meta.label} is not an OrganizationScopedAdmin.",
                    hint="Derive it from accounts.admin_scoping.OrganizationScopedAdmin.",
                    id="accounts.E903",
                )
            )
        for inline in model_admin.inlines:
            if not issubclass(inline, OrganizationScopedInline):
                errors.append(
                    checks.Error(
                        f"The inline {inline.__qualname__} of {model._meta.label} is not an OrganizationScopedInline.",
                        id="accounts.E904",
                    )
                )
    return errors
