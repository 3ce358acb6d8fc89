'use strict';
// A place as a referrer reads it, in words: where, when, what it costs, access, room now, who to
// ask for and how to get there; and a one-page sheet to print for the person, with nothing about
// them on it but the line the referrer may type, which stays in this page.
(async function () {
  const me = await App.start(null);
  const id = new URLSearchParams(window.location.search).get('id');
  const problem = document.getElementById('problem');

  const DAYS = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
  const WEEK = Object.keys(DAYS);

  /** Items as a sentence lists them: "a, b and c". */
  function listed(items) {
    return items.length < 2 ? items.join('') : items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
  }

  /** "Tuesdays", "Mondays and Thursdays", "Mondays to Fridays", "Every day". */
  function days(codes) {
    const ordered = WEEK.filter((code) => codes.includes(code));
    if (ordered.length === WEEK.length) {
      return 'Every day';
    }
    const plural = ordered.map((code) => DAYS[code] + 's');
    const positions = ordered.map((code) => WEEK.indexOf(code));
    const unbroken = positions.every((position, index) => index === 0 || position === positions[index - 1] + 1);
    return unbroken && ordered.length > 2 ? plural[0] + ' to ' + plural[plural.length - 1] : listed(plural);
  }

  /** "10am", "11:30am", "12 noon", "2pm", "midnight" from HH:mm. */
  function time(text) {
    const [hours, minutes] = text.split(':').map(Number);
    if (minutes === 0 && hours === 12) {
      return '12 noon';
    }
    if (minutes === 0 && hours === 0) {
      return 'midnight';
    }
    return (hours % 12 === 0 ? 12 : hours % 12) + (minutes ? ':' + String(minutes).padStart(2, '0') : '') + (hours < 12 ? 'am' : 'pm');
  }

  /** One weekly session in words: "Tuesdays, 10am to 12 noon (Saturday brunch club)". */
  function session(opening) {
    return days(opening.days) + ', ' + time(opening.opens) + ' to ' + time(opening.closes)
      + (opening.description ? ' (' + opening.description + ')' : '');
  }

  function money(amount) {
    const value = Number(amount);
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: Number.isInteger(value) ? 0 : 2 })
      .format(value);
  }

  /** "Free", "£2.50 a session", "Cost not known": unknown is never free. */
  function cost(offered) {
    if (!offered) {
      return 'Cost not known';
    }
    const description = offered.description ? offered.description.trim() : '';
    const hasAmount = offered.amount !== null && offered.amount !== undefined;
    if (offered.free || (hasAmount && Number(offered.amount) === 0)) {
      return description && !/^free$/i.test(description) ? 'Free (' + description + ')' : 'Free';
    }
    if (!hasAmount) {
      return description || 'There is a charge: ask the place how much';
    }
    if (!description) {
      return money(offered.amount);
    }
    if (/^(a|an|per|each|for)\b/i.test(description)) {
      return money(offered.amount) + ' ' + description.charAt(0).toLowerCase() + description.slice(1);
    }
    return /£|\d/.test(description) ? description : money(offered.amount) + ' (' + description + ')';
  }

  /** The lines of where the place is, or how it meets when it has no one address. */
  function where(place) {
    const address = place.address || {};
    if (place.attendance === 'ONLINE') {
      return ['Online'];
    }
    if (place.attendance === 'VARIOUS_PLACES') {
      return ['Meets in various places' + (address.city ? ' around ' + address.city : '')];
    }
    const lines = [address.line1, address.city, address.postcode].filter(Boolean);
    return lines.length ? lines : ['Ask the place where it meets'];
  }

  /** Directions on OpenStreetMap to the street address, or else to the place's position; none for a place with neither. */
  function directions(place) {
    const address = place.address || {};
    if (place.attendance !== 'IN_PERSON') {
      return null;
    }
    if (address.line1 && (address.postcode || address.city)) {
      return 'https://www.openstreetmap.org/directions?to=' + encodeURIComponent([address.line1, address.city, address.postcode].filter(Boolean).join(', '));
    }
    if (place.latitude !== null && place.latitude !== undefined && place.longitude !== null && place.longitude !== undefined) {
      return 'https://www.openstreetmap.org/directions?to=' + encodeURIComponent(place.latitude + ',' + place.longitude);
    }
    return null;
  }

  function day(instant) {
    return new Date(instant).toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
  }

  /** "4 January" from a date (YYYY-MM-DD). */
  function dayOfYear(date) {
    return new Date(date + 'T12:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'Europe/London' });
  }

  /** "March 2026" from a date (YYYY-MM-DD). */
  function month(date) {
    return new Date(date + 'T12:00:00Z').toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  }

  function room(capacity) {
    if (!capacity) {
      return 'Not known';
    }
    const said = capacity.updated ? ' (the place said so on ' + day(capacity.updated) + ')' : '';
    return capacity.available > 0 ? 'Room for ' + capacity.available + ' more' + said : 'Full at the moment' + said;
  }

  function ages(place) {
    if (place.minimumAge !== null && place.minimumAge !== undefined && place.maximumAge !== null && place.maximumAge !== undefined) {
      return place.minimumAge + ' to ' + place.maximumAge;
    }
    if (place.minimumAge !== null && place.minimumAge !== undefined) {
      return place.minimumAge + ' and over';
    }
    return place.maximumAge !== null && place.maximumAge !== undefined ? 'Up to ' + place.maximumAge : null;
  }

  /** A term and its value in a list of facts; a value of several lines is a list. */
  function fact(list, term, value) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) {
      return;
    }
    const lines = Array.isArray(value) ? value : [value];
    const shown = lines.length > 1 ? App.make('ul', { className: 'lines' }, ...lines.map((line) => App.make('li', {}, line))) : lines[0];
    list.append(App.make('dt', {}, term), App.make('dd', {}, shown));
  }

  function show(place) {
    document.getElementById('heading').textContent = place.name;
    document.title = place.name + ' – Community places';
    document.getElementById('kind-line').textContent = App.label('place-kind', place.kind)
      + (place.organisation ? ', run by ' + place.organisation : '');
    const notice = document.getElementById('status-notice');
    notice.hidden = place.status === 'active';
    notice.textContent = 'This place is ' + App.label('place-status', place.status).toLowerCase() + '. Check with the place before you refer someone.';
    document.getElementById('description').textContent = place.description || '';
    const listingNotice = document.getElementById('listing-notice');
    listingNotice.textContent = place.closedUntil
      ? 'Closed until ' + dayOfYear(place.closedUntil) + '. It opens again that day: check with the place before you refer someone.'
      : place.listedFrom ? 'Listed from ' + dayOfYear(place.listedFrom) + ': it is not in search results until then.' : '';
    listingNotice.hidden = !listingNotice.textContent;

    const when = (place.openingTimes || []).map(session);
    const access = (place.accessibility || []).map((code) => App.label('accessibility', code));
    const facts = document.getElementById('facts');
    facts.replaceChildren();
    fact(facts, 'Where', where(place));
    fact(facts, 'When', when.length ? when : 'Not given: ask the place');
    fact(facts, 'Cost', cost(place.cost));
    fact(facts, 'Access', access.length ? listed(access) : 'None listed: ask the place');
    fact(facts, 'Room now', room(place.room));
    fact(facts, 'Activities', listed((place.activities || []).map((code) => App.label('activity', code))));
    fact(facts, 'Ages', ages(place));
    fact(facts, 'Who runs it', place.organisation);
    fact(facts, 'Who to ask for', place.askFor || 'The host');
    fact(facts, 'Last updated', place.lastModified ? day(place.lastModified) : null);
    fact(facts, 'Last checked', !place.lastChecked ? null : place.notCheckedLately
      ? 'Not checked since ' + month(place.lastChecked) + ': check with the place that it still runs'
      : day(place.lastChecked));

    const route = directions(place);
    const directionsLine = document.getElementById('directions');
    directionsLine.replaceChildren(route ? App.make('a', { href: route, rel: 'noreferrer' }, 'Directions on OpenStreetMap') : '');
    directionsLine.hidden = !route;

    const refer = document.getElementById('refer');
    const referring = me.role === 'referrer' && place.status === 'active';
    refer.replaceChildren(referring ? App.make('a', {
      className: 'button-link',
      href: '/refer.html?place=' + encodeURIComponent(place.id) + '&name=' + encodeURIComponent(place.name)
    }, 'Refer someone here') : '');
    refer.hidden = !referring;

    sheet(place, when, access);
    document.getElementById('place-details').hidden = false;
  }

  /** The printed sheet: where and when, who to ask for, the cost and how to get there; nothing about the person. */
  function sheet(place, when, access) {
    document.getElementById('sheet-name').textContent = place.name;
    const facts = document.getElementById('sheet-facts');
    facts.replaceChildren();
    const address = place.address || {};
    fact(facts, 'Where', where(place));
    fact(facts, 'When', when.length ? when : 'Ask the place when it meets');
    fact(facts, 'Ask for', place.askFor ? place.askFor + ', and say who sent you' : 'The host, and say who sent you');
    fact(facts, 'Cost', cost(place.cost));
    fact(facts, 'Getting there', place.attendance === 'ONLINE' ? 'The place will tell you how to join online'
      : address.postcode ? 'Postcode for a map or sat nav: ' + address.postcode : null);
    fact(facts, 'Access', access.length ? listed(access) : null);
    fact(facts, 'Run by', place.organisation);
    fact(facts, 'Details as of', place.lastModified ? day(place.lastModified) : null);
  }

  const note = document.getElementById('print-note');
  const printedNote = document.getElementById('sheet-note');
  note.addEventListener('input', () => {
    printedNote.textContent = note.value.trim();
    printedNote.hidden = !printedNote.textContent;
  });
  document.getElementById('print').addEventListener('click', () => window.print());

  // Anyone may say the listing is out of date: what is wrong, in the contract's words, and a few of their own
  const reportForm = document.getElementById('report-form');
  const reportProblem = document.getElementById('report-problem');
  document.getElementById('report-what').append(...App.terms('listing-problem')
    .map((term) => App.check({ type: 'radio', id: 'report-' + term.code, name: 'problem', value: term.code }, term.name)));
  document.getElementById('report-send').addEventListener('click', async () => {
    App.clearProblem(reportProblem);
    const chosen = App.ticked(reportForm, 'problem');
    if (!chosen.length) {
      App.showProblem(reportProblem, { errors: [{ field: 'problem', message: 'Choose what is wrong' }] }, { problem: 'report-what' });
      return;
    }
    const details = document.getElementById('report-details').value.trim();
    try {
      await App.api('POST', '/api/places/' + encodeURIComponent(id) + '/reports', details ? { problem: chosen[0], details } : { problem: chosen[0] });
      reportForm.hidden = true;
      document.getElementById('report-done').textContent = 'Thank you. The place and the team that keeps the directory have been told.';
    } catch (failure) {
      App.showProblem(reportProblem, failure, { problem: 'report-what', details: 'report-details' });
    }
  });

  if (!id) {
    App.showProblem(problem, { detail: 'No place was chosen. Find a place first, then choose its name.' });
    return;
  }
  try {
    show(await App.api('GET', '/api/places/' + encodeURIComponent(id) + '/listing'));
  } catch (failure) {
    App.showProblem(problem, failure);
  }
}());
