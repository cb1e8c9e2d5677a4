"""The conversation page of one of the candidate's applications (`/portal/applications/<pk>/messages/`): the
thread, a form to write to the recruiters, and the recruiters' new messages arriving live over the application's
chat socket (`ws/chat/<pk>/`, signed in by the portal's session; portal/static/portal/conversation.js).

Reading the page writes nothing: the script marks the recruiters' messages read once the page is shown, and those
that arrive while it is open; replying marks them read too.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from applications.selectors import applications_of_candidate
from candidates.models import Candidate
from messaging.models import Side
from messaging.selectors import thread
from messaging.services import MAX_MESSAGE_CHARS, message_send, messages_mark_read
from portal.views import candidate_required


class MessageForm(forms.Form):
    body = forms.CharField(label="Your message", max_length=MAX_MESSAGE_CHARS, widget=forms.Textarea(attrs={"rows": 4}))


@require_http_methods(["GET", "POST"])
@candidate_required
def conversation(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    application = get_object_or_404(applications_of_candidate(candidate=candidate), pk=pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message_send(
                application=application,
                sender=request.user,  # type: ignore[arg-type]
                side=Side.CANDIDATE,
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages_mark_read(application=application, side=Side.CANDIDATE)  # a reply answers what it read
            return redirect("portal:messages", pk=application.pk)
    context = {
        "candidate": candidate,
        "application": application,
        "thread": thread(application=application).select_related("sender"),
        "form": form,
    }
    return render(request, "portal/conversation.html", context, status=400 if form.errors else 200)
