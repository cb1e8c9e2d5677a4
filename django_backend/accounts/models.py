from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Organization(models.Model):
    """A recruiting team; every recruiter-owned row belongs to exactly one."""

    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        permissions = [("use_operator_uis", "Can use the operator UIs (Flower, RabbitMQ management, metrics)")]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person signing in. `role` labels the account; what it may do comes from its groups (accounts.roles)."""

    class Role(models.TextChoices):
        RECRUITER = "recruiter", "Recruiter"
        ORGANIZATION_ADMIN = "organization_admin", "Organization admin"
        OPERATOR = "operator", "Operator"
        CANDIDATE = "candidate", "Candidate"
        ADMIN = "admin", "Platform admin"

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.RECRUITER)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
