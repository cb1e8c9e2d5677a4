from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from accounts.api import operator_check
from applications.api import ApplicationDetail, ApplicationListCreate
from candidates.api import CandidateDetail, CandidateList
from config.health import healthz
from ingestion.api import (
    ImportDetail,
    ImportListCreate,
    ResumeDetail,
    ResumeFileDownload,
    ResumeListCreate,
    ResumeReparse,
)
from jobs.api import JobDetail, JobListCreate
from matching.api import CandidatesForJob, JobsForCandidate, MatchExplanation
from realtime.api import TaskRecordDetail, TaskRecordList
from realtime.views import task_monitor_page

api = [
    path("auth/token/", obtain_auth_token, name="api-token"),
    path("auth/jwt/", TokenObtainPairView.as_view(), name="api-jwt"),
    path("auth/jwt/refresh/", TokenRefreshView.as_view(), name="api-jwt-refresh"),
    path("auth/operator-check/", operator_check, name="operator-check"),
    path("jobs/", JobListCreate.as_view(), name="job-list"),
    path("jobs/<int:pk>/", JobDetail.as_view(), name="job-detail"),
    path("jobs/<int:pk>/candidates/", CandidatesForJob.as_view(), name="job-candidates"),
    path(
        "jobs/<int:pk>/candidates/<int:candidate_pk>/explanation/", MatchExplanation.as_view(), name="match-explanation"
    ),
    path("candidates/<int:pk>/jobs/", JobsForCandidate.as_view(), name="candidate-jobs"),
    path("candidates/", CandidateList.as_view(), name="candidate-list"),
    path("candidates/<int:pk>/", CandidateDetail.as_view(), name="candidate-detail"),
    path("resumes/", ResumeListCreate.as_view(), name="resume-list"),
    path("resumes/<int:pk>/", ResumeDetail.as_view(), name="resume-detail"),
    path("resumes/<int:pk>/file/", ResumeFileDownload.as_view(), name="resume-file"),
    path("resumes/<int:pk>/reparse/", ResumeReparse.as_view(), name="resume-reparse"),
    path("imports/", ImportListCreate.as_view(), name="import-list"),
    path("imports/<int:pk>/", ImportDetail.as_view(), name="import-detail"),
    path("applications/", ApplicationListCreate.as_view(), name="application-list"),
    path("applications/<int:pk>/", ApplicationDetail.as_view(), name="application-detail"),
    path("tasks/", TaskRecordList.as_view(), name="task-list"),
    path("tasks/<str:task_id>/", TaskRecordDetail.as_view(), name="task-detail"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(api)),
    path("healthz", healthz, name="healthz"),
    path("realtime/tasks/", task_monitor_page, name="task-monitor"),
    path("", include("django_prometheus.urls")),
]
