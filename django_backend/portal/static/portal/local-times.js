// Interview times in the candidate's own time zone (the browser's), beside the zone they were booked in.
(function () {
  "use strict";
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const format = new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: zone,
  });
  document.querySelectorAll("time[data-local]").forEach((element) => {
    const start = new Date(element.dateTime);
    const end = element.dataset.end ? new Date(element.dataset.end) : null;
    const shown = end ? format.formatRange(start, end) : format.format(start);
    element.textContent = `${shown} (${zone}, your time)`;
  });
})();
