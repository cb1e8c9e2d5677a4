// The task monitor page (templates/realtime/task_monitor.html): follows ws/tasks/<id>/ (or ws/tasks/) with the
// session cookie and reconnects with exponential backoff. A static file, so the page's Content-Security-Policy
// can refuse every inline script.
(function () {
  "use strict";

  const id = JSON.parse(document.getElementById("task-id").textContent);
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const url = `${scheme}://${location.host}/ws/tasks/${id ? encodeURIComponent(id) + "/" : ""}`;
  const log = document.getElementById("log");
  const statusEl = document.getElementById("status");
  let delay = 500;

  function connect() {
    const socket = new WebSocket(url);
    socket.onopen = () => {
      statusEl.textContent = "connected";
      delay = 500;
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      const line = document.createElement("div");
      line.textContent =
        `${new Date().toISOString()} ${message.type} ${message.task_id || ""} ` +
        `${message.kind || ""} ${message.progress ?? ""}% ${message.error || message.message || ""}`;
      log.prepend(line);
    };
    socket.onclose = (event) => {
      statusEl.textContent = `closed (${event.code}), retrying in ${delay} ms`;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }

  connect();
})();
