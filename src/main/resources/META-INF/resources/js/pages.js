/*
 * Evenhand pages: small enhancements. Every page works without this file; it only
 *  - moves focus to the error summary when a form comes back with problems,
 *  - keeps deadline countdowns current while the page is open,
 *  - finds members as you type on the complaint form (the "Find member" button does the same without it),
 *  - shows the clauses of the definition version in force on the conduct date chosen,
 *  - counts the characters of long fields against their limit (the server refuses a field over its
 *    limit with the form's own message; nothing is cut off as you type or paste),
 *  - sends a check page's form once: a second click while the first is on its way does nothing (the
 *    server sends a confirmed complaint once anyway, and a task or response cannot be done twice).
 */
(function () {
  'use strict';

  var summary = document.querySelector('[data-focus-on-load]');
  if (summary) {
    summary.focus();
  }

  // ------------------------------------------------------------ countdowns

  function plural(n, unit) {
    return n + ' ' + unit + (n === 1 ? '' : 's');
  }

  /* The same wording as the server's (Formats.span): two units at most. */
  function span(ms) {
    var minutes = Math.max(0, Math.floor(ms / 60000));
    var days = Math.floor(minutes / 1440);
    if (days >= 730) {
      return 'about ' + plural(Math.floor(days / 365), 'year');
    }
    if (days >= 60) {
      return 'about ' + plural(Math.floor(days / 30), 'month');
    }
    if (days >= 14) {
      return plural(Math.floor(days / 7), 'week') + (days % 7 > 0 ? ' ' + plural(days % 7, 'day') : '');
    }
    var hours = Math.floor(minutes / 60) % 24;
    var mins = minutes % 60;
    if (days > 0) {
      return plural(days, 'day') + (hours > 0 ? ' ' + plural(hours, 'hour') : '');
    }
    if (hours > 0) {
      return plural(hours, 'hour') + (mins > 0 ? ' ' + plural(mins, 'minute') : '');
    }
    return plural(Math.max(mins, 1), 'minute');
  }

  /* The words are English; a page in another language keeps the server's words and only its colours move. */
  var english = /^en\b/.test(document.documentElement.lang || 'en');

  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var due = Date.parse(el.getAttribute('data-due'));
      if (isNaN(due)) {
        return;
      }
      var left = due - now;
      if (english) {
        el.textContent = left > 0 ? span(left) + ' left' : 'Overdue by ' + span(-left);
      }
      var box = el.closest('.due');
      if (box) {
        box.classList.toggle('due--overdue', left <= 0);
        box.classList.toggle('due--soon', left > 0 && left < 2 * 86400000);
        box.classList.toggle('due--ok', left >= 2 * 86400000);
      }
    });
  }

  if (document.querySelector('[data-due]')) {
    window.setInterval(tick, 30000);
  }

  // ------------------------------------------------------------ member picker

  var search = document.querySelector('[data-member-search]');
  var results = document.querySelector('[data-member-results]');
  if (search && results) {
    var timer = null;
    var latest = 0;
    /* the page's words for the list (data-word-*), in the page's language */
    var word = function (name, english) {
      return results.getAttribute('data-word-' + name) || english;
    };

    var render = function (members, query) {
      var chosen = document.querySelector('input[name="respondentMembershipNumber"]:checked');
      var chosenValue = chosen ? chosen.value : null;
      results.textContent = '';
      var status = document.createElement('p');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      status.setAttribute('aria-live', 'polite');
      results.appendChild(status);
      if (!members.length) {
        var noneWords = word('none', 'No member matches \u201c%s\u201d. Check the spelling, or use their membership number.');
        status.textContent = noneWords.replace('%s', query);
        var none = document.createElement('p');
        none.className = 'muted';
        none.textContent = noneWords.replace('%s', query);
        results.appendChild(none);
        return;
      }
      status.textContent = word('found', 'Members found: %s').replace('%s', String(members.length));
      var set = document.createElement('fieldset');
      set.className = 'choices';
      if (!document.querySelector('.chosen')) {
        // the list is now where the error summary's link for the respondent leads
        var before = document.getElementById('respondentMembershipNumber');
        if (before) {
          before.removeAttribute('id');
        }
        set.id = 'respondentMembershipNumber';
      }
      var legend = document.createElement('legend');
      legend.className = 'choices__legend';
      legend.textContent = word('choose', 'Choose the member');
      set.appendChild(legend);
      members.forEach(function (m) {
        var row = document.createElement('div');
        row.className = 'choice';
        var input = document.createElement('input');
        input.className = 'choice__input';
        input.type = 'radio';
        input.name = 'respondentMembershipNumber';
        input.id = 'respondent-' + m.membershipNumber;
        input.value = m.membershipNumber;
        input.checked = m.membershipNumber === chosenValue;
        input.addEventListener('change', function () {
          var earlier = document.querySelector('.chosen');
          if (earlier) {
            earlier.remove();
          }
        });
        var label = document.createElement('label');
        label.className = 'choice__label';
        label.htmlFor = input.id;
        label.textContent = m.displayName + ' (' + m.membershipNumber + ')';
        row.appendChild(input);
        row.appendChild(label);
        set.appendChild(row);
      });
      results.appendChild(set);
    };

    var find = function () {
      var q = search.value.trim();
      if (q.length < 2) {
        return;
      }
      var mine = ++latest;
      fetch('/me/members?q=' + encodeURIComponent(q), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      }).then(function (r) {
        return r.ok ? r.json() : [];
      }).then(function (members) {
        if (mine === latest) {
          render(members, q);
        }
      }).catch(function () { /* the Find member button still works */ });
    };

    search.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(find, 250);
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        window.clearTimeout(timer);
        find();
      }
    });
  }

  // ------------------------------------------------------------ clauses for the conduct date

  var date = document.querySelector('[data-conduct-date]');
  var pickers = document.querySelectorAll('.clause-picker[data-version]');
  if (date && pickers.length > 1) {
    var show = function () {
      var d = date.value;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) {
        return;
      }
      var target = null;
      pickers.forEach(function (p) {
        var until = p.getAttribute('data-until');
        if (p.getAttribute('data-from') <= d && (!until || d <= until)) {
          target = p;
        }
      });
      if (!target || !target.hidden) {
        return;
      }
      var ticked = [];
      document.querySelectorAll('.clause-picker:not([hidden]) input[name="clauses"]:checked').forEach(function (i) {
        ticked.push(i.value);
      });
      pickers.forEach(function (p) {
        var on = p === target;
        p.hidden = !on;
        p.querySelector('fieldset').disabled = !on;
      });
      target.querySelectorAll('input[name="clauses"]').forEach(function (i) {
        i.checked = ticked.indexOf(i.value) >= 0;
      });
    };
    date.addEventListener('change', show);
    show();
  }

  // ------------------------------------------------------------ character counts

  var numbers = new Intl.NumberFormat('en-GB');
  document.querySelectorAll('[data-limit]').forEach(function (field) {
    var limit = parseInt(field.getAttribute('data-limit'), 10);
    if (!(limit > 0)) {
      return;
    }
    var count = document.createElement('p');
    count.className = 'field__count';
    count.id = field.id + '-count';
    count.setAttribute('aria-live', 'polite');
    field.insertAdjacentElement('afterend', count);
    var described = field.getAttribute('aria-describedby');
    field.setAttribute('aria-describedby', (described ? described + ' ' : '') + count.id);
    var update = function () {
      // characters as the server counts them (UTF-16 units, as Java's String.length)
      var used = field.value.length;
      var over = used - limit;
      count.textContent = over > 0
        ? numbers.format(over) + (over === 1 ? ' character' : ' characters') + ' too many (at most ' + numbers.format(limit) + ')'
        : numbers.format(used) + ' of ' + numbers.format(limit) + ' characters';
      count.classList.toggle('field__count--over', over > 0);
    };
    field.addEventListener('input', update);
    update();
  });

  // ------------------------------------------------------------ check pages: send once

  document.querySelectorAll('form[data-confirm-form]').forEach(function (form) {
    var sent = false;
    form.addEventListener('submit', function (e) {
      if (sent) {
        e.preventDefault();
        return;
      }
      sent = true;
      form.setAttribute('aria-busy', 'true');
      // a request that never came back can be tried again
      window.setTimeout(function () {
        sent = false;
        form.removeAttribute('aria-busy');
      }, 5000);
    });
    // back to this page from the browser's history: it may be sent again
    window.addEventListener('pageshow', function () {
      sent = false;
      form.removeAttribute('aria-busy');
    });
  });
})();
