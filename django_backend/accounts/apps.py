from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        from accounts.roles import sync_role_groups

        # After every migrate, so each role's group holds the permissions of the models that now exist.
        post_migrate.connect(sync_role_groups, dispatch_uid="accounts.sync_role_groups")
