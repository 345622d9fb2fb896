/*
 * The results grid of a contest's change form, a progressive enhancement of the tabular
 * results inline (without it the inline is a plain form that saves):
 *
 * - Enter in a cell moves to the same cell of the next row (Shift+Enter: the row above),
 *   as in a spreadsheet, instead of submitting the form; Tab moves along the row as usual.
 * - A status line shows the votes and delegates entered against the ballots cast and the
 *   delegates at stake typed in the contest's own fields, and each row its computed share
 *   (of the ballots cast, or of the votes entered when those are not reported, to one
 *   decimal rounded half to even: Result.computed_share and share_base on the page).
 * - A total above its limit is shown at the cell of the first row that takes it over, in
 *   the words of the cell's data-over-message, which the server fills from the message a
 *   save gives (results.models.RESULT_TOTALS). The save still decides: this only mirrors
 *   the check while typing.
 */
"use strict";

(function () {
  const LIVE_ERROR = "results-grid-live-error";

  function rows(grid) {
    return [...grid.querySelectorAll("tr.form-row:not(.empty-form)")];
  }

  function kept(row) {
    const remove = row.querySelector("input[name$='-DELETE']");
    return !(remove && remove.checked);
  }

  function number(input) {
    const text = input ? input.value.trim() : "";
    return text === "" || !/^\d+$/.test(text) ? null : Number(text);
  }

  function fieldOf(cell) {
    const name = [...cell.classList].find((c) => c.startsWith("field-"));
    return name || null;
  }

  // Share of `base` to one decimal, rounded half to even as Python's Decimal.quantize.
  function share(votes, base) {
    const scaled = votes * 1000;
    let tenths = Math.floor(scaled / base);
    const twice = 2 * (scaled - tenths * base);
    if (twice > base || (twice === base && tenths % 2 === 1)) {
      tenths += 1;
    }
    return (tenths / 10).toFixed(1);
  }

  function shareBase(ballots, votes) {
    if (ballots) {
      return { total: ballots, words: "of ballots cast" };
    }
    if (votes.length && !votes.includes(null)) {
      const total = votes.reduce((a, b) => a + b, 0);
      if (total) {
        return { total: total, words: "of the votes entered" };
      }
    }
    return { total: null, words: "" };
  }

  function outputIn(cell, className) {
    let output = cell.querySelector("output." + className);
    if (!output) {
      output = document.createElement("output");
      output.className = className;
      cell.append(output);
    }
    return output;
  }

  function clearLiveError(cell) {
    const old = cell.querySelector("." + LIVE_ERROR);
    if (old) {
      old.remove();
    }
  }

  function showLiveError(cell, message) {
    clearLiveError(cell);
    // The save already said it here (the page came back with its errors).
    const said = [...cell.querySelectorAll(".errorlist li")].some((li) => li.textContent === message);
    if (said) {
      return;
    }
    const list = document.createElement("ul");
    list.className = "errorlist " + LIVE_ERROR;
    const item = document.createElement("li");
    item.textContent = message;
    list.append(item);
    cell.prepend(list);
  }

  // The total of one limited column (votes, delegates), blamed as the save blames it: on
  // the first row whose value takes the running total over the limit, naming the total.
  function checkColumn(grid, field) {
    const limit = number(document.getElementById(field.totalOf));
    const entered = [];
    for (const row of rows(grid)) {
      const input = row.querySelector(`td.${field.cell} input`);
      if (!input) {
        continue;
      }
      clearLiveError(input.closest("td"));
      const value = kept(row) ? number(input) : null;
      if (value !== null) {
        entered.push({ input: input, value: value });
      }
    }
    const total = entered.reduce((sum, cell) => sum + cell.value, 0);
    if (limit !== null && total > limit) {
      let running = 0;
      const tipping = entered.find((cell) => (running += cell.value) > limit);
      showLiveError(
        tipping.input.closest("td"),
        field.message.replace("{total}", total).replace("{limit}", limit),
      );
    }
    return { total: total, limit: limit };
  }

  function update(grid, fields, status) {
    const parts = [];
    for (const field of fields) {
      const { total, limit } = checkColumn(grid, field);
      parts.push(
        limit === null
          ? `${field.label}: ${total} entered (${field.limitLabel} not given)`
          : `${field.label}: ${total} of ${limit} ${field.limitLabel}`,
      );
    }
    status.textContent = parts.join(" · ");
    updateShares(grid);
  }

  function updateShares(grid) {
    const ballots = number(document.getElementById("id_ballots_cast"));
    const live = rows(grid).filter(kept);
    const votes = live.map((row) => number(row.querySelector("td.field-votes input")));
    const base = shareBase(ballots, votes);
    for (const row of rows(grid)) {
      const input = row.querySelector("td.field-votes input");
      if (!input) {
        continue;
      }
      const output = outputIn(input.closest("td"), "results-grid-share");
      const value = number(input);
      output.textContent =
        kept(row) && value !== null && base.total ? `${share(value, base.total)}% ${base.words}` : "";
    }
  }

  function moveVertically(grid, event) {
    const target = event.target;
    if (!target.matches("input, select")) {
      return;
    }
    const cell = target.closest("td");
    const row = target.closest("tr.form-row");
    const field = cell && fieldOf(cell);
    if (!row || !field) {
      return;
    }
    event.preventDefault();
    const all = rows(grid);
    const next = all[all.indexOf(row) + (event.shiftKey ? -1 : 1)];
    const into = next && next.querySelector(`td.${field} :is(input, select)`);
    if (into) {
      into.focus();
      if (into.select) {
        into.select();
      }
    }
  }

  function start(grid) {
    const table = grid.querySelector("table");
    if (!table) {
      return;
    }
    const fields = [];
    for (const input of table.querySelectorAll("tr.form-row:not(.empty-form) input[data-total-of]")) {
      const cell = fieldOf(input.closest("td"));
      if (!fields.some((f) => f.cell === cell)) {
        fields.push({
          cell: cell,
          totalOf: input.dataset.totalOf,
          message: input.dataset.overMessage,
          label: cell === "field-votes" ? "Votes" : "Delegates won",
          limitLabel: cell === "field-votes" ? "ballots cast" : "at stake",
        });
      }
    }
    const status = document.createElement("p");
    status.className = "results-grid-totals";
    status.setAttribute("role", "status");
    table.before(status);
    const refresh = () => update(grid, fields, status);
    grid.addEventListener("input", refresh);
    grid.addEventListener("change", refresh);
    for (const field of fields) {
      const limit = document.getElementById(field.totalOf);
      if (limit) {
        limit.addEventListener("input", refresh);
      }
    }
    // Rows added with "Add another" arrive after this script: listen on the grid.
    document.addEventListener("formset:added", refresh);
    table.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing) {
        moveVertically(grid, event);
      }
    });
    refresh();
  }

  function init() {
    document.querySelectorAll("fieldset.results-grid").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
