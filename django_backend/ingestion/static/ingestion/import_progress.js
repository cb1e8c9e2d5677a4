// Live import progress (templates/admin/ingestion/importbatch/live_progress.html): the organization's task
// stream over WebSocket (session cookie), reconnecting with exponential backoff; while disconnected, the REST API
// is polled so the bar never freezes.
(function () {
  "use strict";

  const bars = document.querySelectorAll("progress[data-import-batch]");
  if (!bars.length) return;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  let delay = 500, pollTimer = null, reloading = false;
  const highest = {};  // workers finish concurrently: messages can arrive out of order, keep the highest count

  function show(event) {
    const id = String(event.batch_id);
    if ((highest[id] || 0) > event.processed) return;
    highest[id] = event.processed;
    document.querySelectorAll(`progress[data-import-batch="${id}"]`).forEach((bar) => {
      bar.value = event.percent;
      const label = bar.nextElementSibling;
      if (label && !label.dataset.importCount) label.textContent = `${event.processed}/${event.total}`;
    });
    document.querySelectorAll(`[data-import-count="${id}"]`).forEach((el) => {
      el.textContent = `${event.processed}/${event.total} processed, ${event.failed} failed`;
    });
    document.querySelectorAll(`[data-import-state="${id}"]`).forEach((el) => {
      el.textContent = event.state_label || event.state;
    });
    document.querySelectorAll(`[data-import-failed="${id}"]`).forEach((el) => { el.textContent = event.failed; });
    // Once, when the import finishes while the page is open: reload to show the final per-file list. A page
    // that loaded finished already has it (reloading it on every poll would never end).
    const page = document.querySelector(`#import-progress progress[data-import-batch="${id}"]`);
    if (event.state === "done" && page && page.dataset.importStateAtLoad !== "done" && !reloading) {
      reloading = true;
      setTimeout(() => location.reload(), 800);
    }
  }

  function poll() {
    bars.forEach((bar) => {
      fetch(`/api/imports/${bar.dataset.importBatch}/`, {credentials: "same-origin"})
        .then((response) => response.ok ? response.json() : null)
        .then((batch) => batch && show({...batch, batch_id: batch.id}));
    });
  }

  function connect() {
    const socket = new WebSocket(`${scheme}://${location.host}/ws/tasks/`);
    socket.onopen = () => { delay = 500; clearInterval(pollTimer); pollTimer = null; poll(); };
    socket.onmessage = (message) => {
      const event = JSON.parse(message.data);
      if (event.type === "import.progress") show(event);
    };
    socket.onclose = () => {
      if (!pollTimer) pollTimer = setInterval(poll, 3000);
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
