// The conversation page: the recruiters' new messages arrive over the application's chat socket (signed in by
// the portal's session) and are added to the thread, then marked read as the page shows them. The page itself is a
// read that writes nothing: the thread it showed is marked read from here once it is on screen.
(function () {
  "use strict";
  const section = document.getElementById("conversation");
  if (!section) return;
  const applicationId = section.dataset.application;
  const list = section.querySelector("[data-thread]");
  const state = section.querySelector("[data-live-state]");
  const csrf = document.querySelector("[data-message-form] input[name=csrfmiddlewaretoken]");

  function shown(id) {
    return list.querySelector(`[data-message-id="${id}"]`) !== null;
  }

  function add(message) {
    if (shown(message.id)) return;
    const empty = list.querySelector("[data-empty]");
    if (empty) empty.remove();
    const item = document.createElement("li");
    item.className = `message ${message.sender_side}`;
    item.dataset.messageId = String(message.id);
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = message.sender_side === "candidate" ? "You" : "Recruiter";
    const when = document.createElement("time");
    when.dateTime = message.created_at;
    when.textContent = new Date(message.created_at).toLocaleString();
    const body = document.createElement("p");
    body.className = "body";
    body.textContent = message.body; // text only: a message never becomes markup
    item.append(who, " ", when, body);
    list.append(item);
  }

  function markRead() {
    fetch(`/api/applications/${applicationId}/messages/read/`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf ? csrf.value : "", Accept: "application/json" },
    }).catch(() => {}); // read receipts are best effort: the next visit marks them
  }

  function connect(delay) {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/ws/chat/${applicationId}/`);
    socket.onopen = () => { delay = 1000; };
    socket.onmessage = (event) => {
      const data = JSON.parse(event.data);
      if (data.type === "connection") {
        state.textContent = "New messages appear here as they arrive.";
        state.dataset.connected = "true";
      } else if (data.type === "chat.message") {
        add(data.message);
        if (data.message.sender_side === "recruiter") markRead();
      }
    };
    socket.onclose = (event) => {
      state.dataset.connected = "false";
      if (event.code >= 4400 && event.code < 4500) {
        state.textContent = "New messages show when you reload the page.";
        return; // refused: retrying would be refused again
      }
      state.textContent = "Reconnecting…";
      setTimeout(() => connect(Math.min(delay * 2, 30000)), delay);
    };
  }

  if (list.querySelector(".message.recruiter")) markRead();
  connect(1000);
})();
