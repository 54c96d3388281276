// Lead attribution, progressively enhanced: the forms work without this file.
// Pages are cached whole, so per-visitor facts live in this tab's sessionStorage (one
// visit): the landing page's UTM parameters and the referrer the visit started from.
// On submit, lead forms (data-lead-form) get them in their hidden fields.
(function () {
    "use strict";
    var KEY = "leads.attribution";
    var UTM = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];

    function load() {
        try {
            return JSON.parse(window.sessionStorage.getItem(KEY)) || null;
        } catch {
            return null;
        }
    }

    function externalReferrer() {
        try {
            var from = new URL(document.referrer);
            return from.host !== window.location.host ? document.referrer : "";
        } catch {
            return "";
        }
    }

    var params = new URLSearchParams(window.location.search);
    var hasUtm = UTM.some(function (name) { return params.get(name); });
    var visit = load();
    // A new visit, or a new campaign link within it, starts a new attribution.
    if (!visit || hasUtm) {
        visit = { landing: window.location.href, referrer: externalReferrer() };
        UTM.forEach(function (name) { visit[name] = params.get(name) || ""; });
        try {
            window.sessionStorage.setItem(KEY, JSON.stringify(visit));
        } catch {
            // Storage refused (private mode): the server-side fallback still applies.
        }
    }

    function fill(form) {
        var fields = form.elements;
        // The landing UTM set replaces the server's guess whole, so values never mix.
        if (UTM.some(function (name) { return visit[name]; })) {
            UTM.forEach(function (name) {
                if (fields[name]) {
                    fields[name].value = visit[name] || "";
                }
            });
        }
        if (fields.referrer && visit.referrer) {
            fields.referrer.value = visit.referrer;
        }
        // A form embedded in a page was sent from this very URL (query string included).
        if (fields.source_url && form.hasAttribute("data-lead-here")) {
            fields.source_url.value = window.location.href;
        }
    }

    document.addEventListener("submit", function (event) {
        if (event.target.matches && event.target.matches("form[data-lead-form]")) {
            fill(event.target);
        }
    });
})();
