/* Tech Money 2024, embedded (?embed=true&chart=...): tells the page around the iframe how tall the
   content is, whenever that changes, with the message Datawrapper's embeds send,
   {"datawrapper-height": {"<chart>": <pixels>}}; our snippet and oEmbed html listen for it
   (techmoney/content/html/templates/embed_listener.html), and so does a page already set up for Datawrapper.
   Streamlit scrolls its main element, not the document, so the content is measured there. Nothing is sent
   while the server's first screen is shown (#tm-first-paint, techmoney/content/html/first_paint.py): the app beneath it
   is still being drawn (an empty column, then placeholders), and the iframe already has the height the page
   will have (techmoney/content/embeds.py), so the first height sent is the drawn page's. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var chart = new URLSearchParams(window.location.search).get("chart") || "";
  var sent = 0;
  var watched = null;

  function post() {
    if (document.getElementById("tm-first-paint")) return;  /* it goes once the app is drawn and still */
    var main = document.querySelector('[data-testid="stMain"]');
    var block = main && main.querySelector('[data-testid="stMainBlockContainer"]');
    if (!block) return;
    var height = Math.ceil(block.getBoundingClientRect().bottom - main.getBoundingClientRect().top + main.scrollTop);
    if (height > 0 && height !== sent) {
      sent = height;
      var message = {"datawrapper-height": {}};
      message["datawrapper-height"][chart] = height;
      window.parent.postMessage(message, "*");
    }
  }

  function watch() {
    var block = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (block && block !== watched) {
      if (watched) resized.unobserve(watched);
      resized.observe(block);
      watched = block;
    }
    post();
  }

  var pending = false;
  function schedule() {  /* at most one measurement a frame, however many changes Streamlit makes */
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; watch(); });
  }

  var resized = new ResizeObserver(schedule);
  /* Streamlit draws the page after this script runs, and may draw it again: watch whichever block is there. */
  new MutationObserver(schedule).observe(document.documentElement, {childList: true, subtree: true});
  window.addEventListener("resize", schedule);
})();
