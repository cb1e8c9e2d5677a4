"""The portal's pages (`/portal/`, namespace `portal`) and its REST API (`/api/portal/`, in config.urls)."""

from __future__ import annotations

from django.urls import path

from portal import api, conversation, interviews, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:organization_id>/register/", views.register, name="register"),
    path("login/", views.CandidateLoginView.as_view(), name="login"),
    path("logout/", views.sign_out, name="logout"),
    path("profile/", views.profile, name="profile"),
    path("resume/", views.resume, name="resume"),
    path("jobs/", views.jobs, name="jobs"),
    path("jobs/<int:pk>/apply/", views.apply, name="apply"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("applications/<int:pk>/messages/", conversation.conversation, name="messages"),
    path("interviews/<int:pk>/respond/", interviews.respond, name="interview-respond"),
    path("export/", views.export, name="export"),
    path("delete/", views.erase, name="delete"),
]

api_urlpatterns = [
    path("portal/profile/", api.Profile.as_view(), name="portal-profile"),
    path("portal/resumes/", api.Resumes.as_view(), name="portal-resumes"),
    path("portal/recommendations/", api.Recommendations.as_view(), name="portal-recommendations"),
    path("portal/applications/", api.Applications.as_view(), name="portal-applications"),
    path("portal/applications/<int:pk>/", api.ApplicationDetail.as_view(), name="portal-application"),
    path("portal/applications/<int:pk>/withdraw/", api.ApplicationWithdraw.as_view(), name="portal-withdraw"),
    path("portal/interviews/", interviews.PortalInterviews.as_view(), name="portal-interviews"),
    path(
        "portal/interviews/<int:pk>/respond/",
        interviews.PortalInterviewRespond.as_view(),
        name="portal-interview-respond",
    ),
    path("portal/export/", api.Export.as_view(), name="portal-export"),
    path("portal/account/", api.Account.as_view(), name="portal-account"),
]
