/* Fact-check desk: keyboard shortcuts for the review queue, and the open claim's
   highlights. (Refused changes, 400 and 409, are swapped by htmx's responseHandling
   config in base.html.) The CSP forbids inline scripts, so everything here hangs
   off data- attributes in the templates:
     [data-claim-row]        a selectable queue row (j/k)
     [data-shortcut-key=N]   the verdict button of key N in the selected row: it opens the
                             row's reason box ([data-reason-box]) with that verdict chosen
     [data-reason-box]       a disabled, hidden fieldset of the row's verdict form (verdict
                             [data-reason-status], reason [data-reason-input], save, cancel):
                             Enter saves, Esc cancels and returns to the row; copied from
                             <template id="reason-box"> into a row the first time it opens
     [data-undo]             the button that "u" clicks in the selected row
     [data-shortcut=search]  the box that "/" focuses
     #shortcuts              the <details> legend that "?" opens and closes
     [data-open-claim=N]     the claim panel showing claim N: its highlights are marked */
(function () {
  "use strict";

  const SELECTED = "is-selected";
  const NOT_TYPING = ["checkbox", "radio", "button", "submit", "reset"];
  let selectedId = null;

  function rows() {
    return Array.from(document.querySelectorAll("[data-claim-row]"));
  }

  function select(row, focus) {
    document.querySelectorAll("[data-claim-row]." + SELECTED).forEach(function (other) {
      other.classList.remove(SELECTED);
    });
    selectedId = row ? row.id : null;
    if (!row) return;
    row.classList.add(SELECTED);
    if (focus) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function selectedRow() {
    return selectedId ? document.getElementById(selectedId) : null;
  }

  function move(step) {
    const all = rows();
    if (!all.length) return false;
    const current = all.indexOf(selectedRow());
    let next = current + step;
    if (current === -1) next = step > 0 ? 0 : all.length - 1;
    select(all[Math.min(Math.max(next, 0), all.length - 1)], true);
    return true;
  }

  function mark(key) {
    const row = selectedRow();
    const button = row && row.querySelector('[data-shortcut-key="' + key + '"]');
    if (!button || button.disabled) return false;
    return openReason(button);
  }

  // The reason box of a verdict button's form, opened with the button's verdict chosen.
  function openReason(button) {
    const form = button.form;
    const box = form && (form.querySelector("[data-reason-box]") || addReasonBox(form));
    if (!box) return false;
    box.disabled = false;
    box.hidden = false;
    box.querySelector("[data-reason-status]").value = button.value;
    const input = box.querySelector("[data-reason-input]");
    input.focus();
    input.select();
    return true;
  }

  // Rows carry no reason box of their own: the page's one (<template id="reason-box">)
  // is copied into the row's form before its verdict buttons, named for its claim and fact.
  function addReasonBox(form) {
    const template = document.getElementById("reason-box");
    const row = form.closest("[data-claim-row]");
    if (!template || !row) return null;
    const claim = row.id.replace("claim-row-", "");
    const box = template.content.firstElementChild.cloneNode(true);
    box.querySelector("legend").textContent =
      "Verdict on fact #" + row.dataset.fact + ", with a reason";
    ["verdict", "reason"].forEach(function (name) {
      box.querySelector('[for="' + name + '-"]').htmlFor = name + "-" + claim;
      box.querySelector("#" + name + "-").id = name + "-" + claim;
    });
    form.insertBefore(box, form.querySelector(".queue-verdict-buttons"));
    return box;
  }

  function closeReason(box) {
    box.hidden = true;
    box.disabled = true;
    const row = box.closest("[data-claim-row]");
    if (row) select(row, true);
  }

  function saveReason(box) {
    const save = box.querySelector("[data-reason-save]");
    // htmx posts the form with the verdict and reason of the box (the verdict
    // buttons are not sent: only a form's submitter is).
    if (save && !save.disabled) box.form.requestSubmit(save);
  }

  // Without JavaScript a verdict button posts at once; here it opens the reason box.
  document.addEventListener("click", function (event) {
    const button = event.target instanceof Element && event.target.closest("[data-shortcut-key]");
    if (button && openReason(button)) event.preventDefault();
    const cancel = event.target instanceof Element && event.target.closest("[data-reason-cancel]");
    if (cancel) closeReason(cancel.closest("[data-reason-box]"));
  });

  function undo() {
    const row = selectedRow();
    const button = row && row.querySelector("[data-undo]");
    if (!button || button.disabled) return false;
    button.click();
    return true;
  }

  function isTyping(target) {
    if (!(target instanceof Element)) return false;
    if (target.isContentEditable || target.closest("textarea, select")) return true;
    const input = target.closest("input");
    return Boolean(input) && !NOT_TYPING.includes(input.type);
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const box = target instanceof Element && target.closest("[data-reason-box]");
    if (box && event.key === "Escape") {
      closeReason(box);
      event.preventDefault();
      return;
    }
    if (box && event.key === "Enter" && target.matches("[data-reason-input]")) {
      saveReason(box);
      event.preventDefault();
      return;
    }
    if (isTyping(target)) {
      if (event.key === "Escape" && target.matches("[data-shortcut=search]")) target.blur();
      return;
    }
    let handled = false;
    if (event.key === "j") {
      handled = move(1);
    } else if (event.key === "k") {
      handled = move(-1);
    } else if (event.key === "1" || event.key === "2" || event.key === "3") {
      handled = mark(event.key);
    } else if (event.key === "u") {
      handled = undo();
    } else if (event.key === "/") {
      const search = document.querySelector("[data-shortcut=search]");
      if (search) {
        search.focus();
        search.select();
        handled = true;
      }
    } else if (event.key === "?") {
      const legend = document.getElementById("shortcuts");
      if (legend) {
        legend.open = !legend.open;
        handled = true;
      }
    }
    if (handled) event.preventDefault();
  });

  // Clicking or tabbing into a row makes it the selected one, so j/k go on from there.
  document.addEventListener("focusin", function (event) {
    const row = event.target instanceof Element && event.target.closest("[data-claim-row]");
    if (row && row.id !== selectedId) select(row, false);
  });

  // A swapped row is a new element: carry the selection (and focus, if it was lost) over.
  document.addEventListener("htmx:afterSettle", function () {
    const row = selectedRow();
    if (!row) {
      selectedId = null;
      return;
    }
    if (!row.classList.contains(SELECTED)) {
      const lost = !document.activeElement || document.activeElement === document.body;
      select(row, lost);
      // A refused verdict comes back with its reason box open: back into the box.
      const input = row.querySelector("[data-reason-box]:not([disabled]) [data-reason-input]");
      if (lost && input) input.focus();
    }
  });

  // The article text and the claim panel swap separately (a click loads the panel,
  // a verdict refetches the text): after either, mark the open claim's highlights.
  function markOpenClaim() {
    const panel = document.getElementById("claim-panel");
    const open = panel ? panel.dataset.openClaim : undefined;
    document.querySelectorAll("#article-text a.hl").forEach(function (link) {
      link.classList.toggle("hl-selected", open !== undefined && link.dataset.claim === open);
    });
  }
  document.addEventListener("htmx:afterSettle", markOpenClaim);
})();

/* ------------------------------------------------------------------------------------
   Claim panel focus (article page). Kept apart from the queue code above.
     #claim-panel[data-open-claim]   the open panel; its heading #claim-panel-title has
                                     tabindex=-1 so it can take focus
     .panel-close                    the panel's Close link (htmx: swaps in the empty panel)
   Opening a panel (a GET swapping #claim-panel) moves focus to its heading, so a screen
   reader reads the claim and Tab goes on inside the panel. Esc closes the panel and
   returns focus to the highlight (or claim-list link) that opened it. A verdict posted
   from the panel swaps the panel too: focus goes back to the button pressed. */
(function () {
  "use strict";

  const PANEL = "claim-panel";
  // The link that opened the panel, by its URL: the article text is re-rendered after a
  // verdict, so the element itself may have been replaced by the time the panel closes.
  let openerUrl = null;
  let openerInIndex = false;
  let closingClaim = null;

  function panel() {
    return document.getElementById(PANEL);
  }

  function openClaim() {
    const element = panel();
    return element ? element.dataset.openClaim : undefined;
  }

  function opener() {
    if (openerUrl) {
      const scope = openerInIndex ? ".claim-index" : "#article-text .article-body";
      const found = document.querySelector(scope + ' a[href="' + openerUrl + '"]:not([tabindex="-1"])');
      if (found) return found;
    }
    // Opened from its own URL (a reload, a shared link): the claim's first highlight.
    const claim = closingClaim || openClaim();
    return claim ? document.querySelector('#article-text a.hl[data-claim="' + claim + '"]:not([tabindex="-1"])') : null;
  }

  document.addEventListener("click", function (event) {
    const link = event.target instanceof Element && event.target.closest('a[hx-target="#' + PANEL + '"]');
    if (!link || link.closest("#" + PANEL)) return;
    openerUrl = link.getAttribute("href");
    openerInIndex = Boolean(link.closest(".claim-index"));
  });

  function close() {
    const link = panel() && panel().querySelector(".panel-close");
    if (!link) return false;
    closingClaim = openClaim();
    link.click();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented || openClaim() === undefined) return;
    const target = event.target;
    // Esc in a text box of the page (not the panel's) belongs to that box.
    const typing = target instanceof Element && target.matches("input:not([type=submit]):not([type=button]), textarea, select");
    if (typing && !target.closest("#" + PANEL)) return;
    if (close()) event.preventDefault();
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    const swapped = event.detail && event.detail.target;
    if (!swapped || swapped.id !== PANEL) return;
    const verb = event.detail.requestConfig ? event.detail.requestConfig.verb : "get";
    const now = panel();
    if (!now) return;
    if (now.dataset.openClaim === undefined) {
      // Closed: back to where the editor was in the text.
      const back = opener();
      closingClaim = null;
      openerUrl = null;
      if (back) back.focus();
      return;
    }
    if (verb === "get") {
      const heading = now.querySelector("#claim-panel-title");
      if (heading) heading.focus();
      return;
    }
    // A verdict re-rendered the panel: the pressed button is gone; focus its successor.
    const submitter = event.detail.requestConfig.triggeringEvent && event.detail.requestConfig.triggeringEvent.submitter;
    if (document.activeElement && document.activeElement !== document.body) return;
    const again = submitter && now.querySelector('button[name="status"][value="' + submitter.value + '"]');
    (again || now.querySelector("#claim-panel-title")).focus();
  });
})();
