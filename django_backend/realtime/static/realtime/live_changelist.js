// Live refresh of an admin changelist (templates/admin/realtime/live_change_list.html).
//
// Follows the organization's task stream (ws/tasks/, session cookie). A message only says that something
// changed: on a relevant one the page fetches its own URL again (same filters, search, sorting and page) and
// swaps the results and the counts in place. Channel layers deliver at most once, so after every
// (re)connect the page re-syncs the same way, and while the socket is down it polls. Reconnects back off
// exponentially with jitter. No build step, no dependencies.
(function () {
  "use strict";

  const status = document.getElementById("live-status");
  const form = document.getElementById("changelist-form");
  if (!status || !form || !("WebSocket" in window) || !window.fetch) return;

  const words = (value) => new Set((value || "").split(/\s+/).filter(Boolean));
  const TYPES = words(status.dataset.liveTypes); // event types worth a refresh
  const KINDS = words(status.dataset.liveKinds); // task kinds worth a refresh ("*": every kind)
  const POLL_MS = 1000 * Number(status.dataset.livePollSeconds || 5);
  const COALESCE_MS = 500; // events closer together than this cost one fetch (a bulk import sends many)
  const BACKOFF_FIRST_MS = 500;
  const BACKOFF_MAX_MS = 30000;
  const LABELS = {
    connecting: "Connecting…",
    live: "Live",
    polling: "Offline: checking every " + POLL_MS / 1000 + " s",
    "signed-out": "Signed out: reload the page",
  };

  let socket = null;
  let attempt = 0;
  let reconnectTimer = null;
  let pollTimer = null;
  let refreshTimer = null;
  let refreshing = false;
  let refreshAgain = false;
  let stopped = false;
  let serverRows = rowsOf(form); // the rows as the server last rendered them, to spot what changed
  let serverSignature = signatureOf(form);

  function setState(state) {
    status.dataset.state = state;
    status.textContent = LABELS[state];
  }

  function relevant(event) {
    if (!TYPES.has(event.type)) return false;
    // Task events name their kind; other organization events (import.progress) are chosen by type alone.
    return !event.task_id || KINDS.has("*") || KINDS.has(event.kind);
  }

  // --- Fetching and swapping -------------------------------------------------------------------------

  function scheduleRefresh() {
    if (stopped || refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      refresh();
    }, COALESCE_MS);
  }

  async function refresh() {
    if (stopped) return;
    if (refreshing) {
      refreshAgain = true; // an event arrived mid-fetch: the page may already be stale, fetch once more
      return;
    }
    refreshing = true;
    try {
      const response = await fetch(location.href, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { "X-Requested-With": "XMLHttpRequest" },
      });
      if (new URL(response.url).pathname !== location.pathname) {
        stop("signed-out"); // the session ended: the admin answered with its login page
        return;
      }
      if (response.ok) apply(new DOMParser().parseFromString(await response.text(), "text/html"));
    } catch (error) {
      // Network trouble: the next event, poll or reconnect tries again.
    } finally {
      refreshing = false;
      if (refreshAgain) {
        refreshAgain = false;
        scheduleRefresh();
      }
    }
  }

  function apply(page) {
    const fresh = page.getElementById("changelist-form");
    if (!fresh) return;
    updateCounts(page);
    const signature = signatureOf(fresh);
    if (signature === serverSignature) return;
    const across = form.querySelector("input.select-across");
    if (across && across.value === "1") {
      // "Select all N" across pages is on: swapping would drop it, so wait until the user is done.
      setTimeout(scheduleRefresh, POLL_MS);
      return;
    }
    const checked = new Set(Array.from(form.querySelectorAll("input.action-select:checked"), (box) => box.value));
    const action = form.querySelector("select[name=action]");
    const actionValue = action ? action.value : "";
    const freshRows = rowsOf(fresh);

    form.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)));
    serverSignature = signature;

    form.querySelectorAll("#result_list tbody tr").forEach((row) => {
      const key = keyOf(row);
      if (serverRows.get(key) !== freshRows.get(key)) markChanged(row);
    });
    serverRows = freshRows;
    restoreSelection(checked, actionValue);
  }

  function restoreSelection(checked, actionValue) {
    const action = form.querySelector("select[name=action]");
    if (action && actionValue) action.value = actionValue;
    const boxes = form.querySelectorAll("tr input.action-select");
    if (!boxes.length || !window.Actions) return;
    window.Actions(boxes); // Django's actions.js bound itself to the rows that were just replaced
    let last = null;
    boxes.forEach((box) => {
      if (checked.has(box.value)) {
        box.checked = true;
        box.closest("tr").classList.add("selected");
        last = box;
      }
    });
    if (last) last.dispatchEvent(new Event("change", { bubbles: true })); // brings "n of m selected" up to date
  }

  function updateCounts(page) {
    // "3 results (10 total)" beside the search box.
    const count = document.querySelector("#changelist-search .small.quiet");
    const freshCount = page.querySelector("#changelist-search .small.quiet");
    if (count && freshCount) count.innerHTML = freshCount.innerHTML;
    // Filter counts ("Show counts"): the same links with new numbers; the filter panel itself stays.
    const links = new Map(
      Array.from(page.querySelectorAll("#changelist-filter a[href]"), (a) => [a.getAttribute("href"), a.textContent]),
    );
    document.querySelectorAll("#changelist-filter a[href]").forEach((a) => {
      const text = links.get(a.getAttribute("href"));
      if (text !== undefined && text !== a.textContent) a.textContent = text;
    });
  }

  function signatureOf(container) {
    const copy = container.cloneNode(true);
    copy.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach((input) => input.remove()); // new per render
    return copy.innerHTML;
  }

  function keyOf(row) {
    const box = row.querySelector("input.action-select");
    if (box) return "pk:" + box.value;
    const link = row.querySelector("th a[href], td a[href]");
    return link ? "href:" + link.getAttribute("href") : "text:" + row.textContent.trim();
  }

  function rowsOf(container) {
    return new Map(Array.from(container.querySelectorAll("#result_list tbody tr"), (row) => [keyOf(row), row.innerHTML]));
  }

  function markChanged(row) {
    row.classList.remove("live-changed");
    void row.offsetWidth; // restart the highlight animation
    row.classList.add("live-changed");
  }

  // --- The socket ------------------------------------------------------------------------------------

  function connect() {
    reconnectTimer = null;
    if (stopped) return;
    if (!pollTimer) setState("connecting");
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const ws = new WebSocket(scheme + "://" + location.host + "/ws/tasks/");
    socket = ws;
    ws.onmessage = (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch (error) {
        return;
      }
      if (event.type === "connection") {
        // Accepted and subscribed: whatever happened while we were away is only in the database.
        attempt = 0;
        stopPolling();
        setState("live");
        scheduleRefresh();
      } else if (relevant(event)) {
        scheduleRefresh();
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (stopped) return;
      startPolling();
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    // Exponential backoff with "equal jitter": half the ceiling plus a random share of the other half, so
    // every open admin page does not reconnect in the same instant after a restart.
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** attempt);
    attempt += 1;
    reconnectTimer = setTimeout(connect, ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  function startPolling() {
    setState("polling");
    if (pollTimer) return;
    scheduleRefresh();
    pollTimer = setInterval(() => {
      if (!document.hidden) scheduleRefresh();
    }, POLL_MS);
  }

  function stopPolling() {
    clearInterval(pollTimer);
    pollTimer = null;
  }

  function stop(state) {
    stopped = true;
    stopPolling();
    clearTimeout(reconnectTimer);
    if (socket) socket.close();
    socket = null;
    setState(state);
  }

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && pollTimer) scheduleRefresh();
  });
  window.addEventListener("pageshow", (event) => {
    // Back from the back/forward cache: the socket was closed and the rows are as old as the visit.
    if (!event.persisted || stopped) return;
    scheduleRefresh();
    if (!socket && !reconnectTimer) connect();
  });

  setState("connecting");
  connect();
})();
