from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts.api import metrics, metrics_check, operator_check
from accounts.login_views import (
    LimitedAdminAuthenticationForm,
    LimitedObtainAuthToken,
    LimitedTokenObtainPairView,
    LimitedTokenRefreshView,
    admin_login,
)
from analytics.admin_views import analytics_admin_view
from applications.api import ApplicationDetail, ApplicationListCreate
from applications.pipeline_api import ApplicationBulkMove, ApplicationHistory, ApplicationNotes
from candidates.api import CandidateDetail, CandidateExport, CandidateList
from config.health import healthz
from config.home import api_root, home
from ingestion.api import (
    ImportDetail,
    ImportListCreate,
    ResumeDetail,
    ResumeFileDownload,
    ResumeListCreate,
    ResumeReparse,
)
from interviews.api import (
    InterviewCalendarFile,
    InterviewCancel,
    InterviewDetail,
    InterviewFeedbackList,
    InterviewListCreate,
)
from jobs.api import JobDetail, JobListCreate, JobRediscovered, JobRestore
from matching.api import CandidatesForJob, JobsForCandidate, MatchExplanation
from messaging.api import ApplicationMessages, ApplicationMessagesRead, MessagesUnread
from ops.api import alertmanager_webhook
from portal.urls import api_urlpatterns as portal_api
from realtime.api import TaskRecordDetail, TaskRecordList, WebSocketTicketCreate
from realtime.views import task_monitor_page

api: list[URLPattern | URLResolver] = [
    path("auth/token/", LimitedObtainAuthToken.as_view(), name="api-token"),
    path("auth/jwt/", LimitedTokenObtainPairView.as_view(), name="api-jwt"),
    path("auth/jwt/refresh/", LimitedTokenRefreshView.as_view(), name="api-jwt-refresh"),
    path("auth/operator-check/", operator_check, name="operator-check"),
    path("auth/metrics-check/", metrics_check, name="metrics-check"),
    path("jobs/", JobListCreate.as_view(), name="job-list"),
    path("jobs/<int:pk>/", JobDetail.as_view(), name="job-detail"),
    path("jobs/<int:pk>/restore/", JobRestore.as_view(), name="job-restore"),
    path("jobs/<int:pk>/rediscovered/", JobRediscovered.as_view(), name="job-rediscovered"),
    path("jobs/<int:pk>/candidates/", CandidatesForJob.as_view(), name="job-candidates"),
    path(
        "jobs/<int:pk>/candidates/<int:candidate_pk>/explanation/", MatchExplanation.as_view(), name="match-explanation"
    ),
    path("candidates/<int:pk>/jobs/", JobsForCandidate.as_view(), name="candidate-jobs"),
    path("candidates/", CandidateList.as_view(), name="candidate-list"),
    path("candidates/<int:pk>/", CandidateDetail.as_view(), name="candidate-detail"),
    path("candidates/<int:pk>/export/", CandidateExport.as_view(), name="candidate-export"),
    path("resumes/", ResumeListCreate.as_view(), name="resume-list"),
    path("resumes/<int:pk>/", ResumeDetail.as_view(), name="resume-detail"),
    path("resumes/<int:pk>/file/", ResumeFileDownload.as_view(), name="resume-file"),
    path("resumes/<int:pk>/reparse/", ResumeReparse.as_view(), name="resume-reparse"),
    path("imports/", ImportListCreate.as_view(), name="import-list"),
    path("imports/<int:pk>/", ImportDetail.as_view(), name="import-detail"),
    path("applications/", ApplicationListCreate.as_view(), name="application-list"),
    path("applications/bulk/", ApplicationBulkMove.as_view(), name="application-bulk"),
    path("applications/<int:pk>/", ApplicationDetail.as_view(), name="application-detail"),
    path("applications/<int:pk>/history/", ApplicationHistory.as_view(), name="application-history"),
    path("applications/<int:pk>/notes/", ApplicationNotes.as_view(), name="application-notes"),
    path("applications/<int:pk>/messages/", ApplicationMessages.as_view(), name="application-messages"),
    path("applications/<int:pk>/messages/read/", ApplicationMessagesRead.as_view(), name="application-messages-read"),
    path("messages/unread/", MessagesUnread.as_view(), name="messages-unread"),
    path("interviews/", InterviewListCreate.as_view(), name="interview-list"),
    path("interviews/<int:pk>/", InterviewDetail.as_view(), name="interview-detail"),
    path("interviews/<int:pk>/cancel/", InterviewCancel.as_view(), name="interview-cancel"),
    path("interviews/<int:pk>/feedback/", InterviewFeedbackList.as_view(), name="interview-feedback"),
    path("interviews/<int:pk>/ics/", InterviewCalendarFile.as_view(), name="interview-ics"),
    path("tasks/", TaskRecordList.as_view(), name="task-list"),
    path("tasks/<str:task_id>/", TaskRecordDetail.as_view(), name="task-detail"),
    path("ws-tickets/", WebSocketTicketCreate.as_view(), name="ws-ticket"),
    path("analytics/", include("analytics.urls")),
    path("ops/alerts/webhook/", alertmanager_webhook, name="alertmanager-webhook"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its start-up script as a file, so the page runs under our Content-Security-Policy.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

# Failed-login limits on the admin login too (accounts.login_views); the route before admin.site.urls takes it over.
admin.site.login_form = LimitedAdminAuthenticationForm
urlpatterns = [
    path("", home, name="home"),
    path("admin/login/", admin_login),
    # A page of the admin without a model of its own: ahead of admin.site.urls, behind its sign-in.
    path("admin/analytics/", analytics_admin_view, name="admin-analytics"),
    path("admin/", admin.site.urls),
    path("api/", api_root, name="api-root"),
    path("api/", include(api)),
    path("api/", include(portal_api)),
    path("portal/", include("portal.urls")),
    path("healthz", healthz, name="healthz"),
    path("realtime/tasks/", task_monitor_page, name="task-monitor"),
    # django_prometheus's export behind the bearer token (accounts.api.metrics); the same URL name.
    path("metrics", metrics, name="prometheus-django-metrics"),
]

handler404 = "config.api_errors.not_found"
handler500 = "config.api_errors.server_error"
