'use strict';
(async function () {
  const me = await App.start('/places.html', ['host', 'admin']);
  const PAGE = 20;
  const DAYS = [{ code: 'MO', name: 'Monday' }, { code: 'TU', name: 'Tuesday' }, { code: 'WE', name: 'Wednesday' },
    { code: 'TH', name: 'Thursday' }, { code: 'FR', name: 'Friday' }, { code: 'SA', name: 'Saturday' }, { code: 'SU', name: 'Sunday' }];
  const ATTENDANCE = [{ code: 'IN_PERSON', name: 'In person, at the address' }, { code: 'ONLINE', name: 'Online' },
    { code: 'VARIOUS_PLACES', name: 'In various places' }];
  const COST = [{ code: 'free', name: 'Free' }, { code: 'paid', name: 'It costs something' }, { code: 'unknown', name: 'Not known' }];
  // The places API names kinds and statuses by their constants (COMMUNITY_GROUP); the vocabularies by their codes (community-group)
  const constant = (code) => code.toUpperCase().replace(/[ -]/g, '_');
  const KINDS = App.terms('place-kind').map((term) => ({ code: constant(term.code), name: term.name }));
  const STATUSES = App.terms('place-status').map((term) => ({ code: constant(term.code), name: term.name }));
  const nameOf = (terms, code) => (terms.find((term) => term.code === code) || { name: App.words(code) }).name;

  const listView = document.getElementById('list-view');
  const editView = document.getElementById('edit-view');
  const problem = document.getElementById('problem');
  const pages = document.getElementById('pages');
  let page = 0;
  let lastFilter = new URLSearchParams();
  if (me.role === 'host') {
    document.getElementById('heading').textContent = 'Your places';
    document.getElementById('intro').textContent = 'Keep opening times and room up to date, so referrers send people when you can welcome them.';
  }

  const filter = App.form({ id: 'filter', className: 'inline-form' }, [
    App.field('Name', App.input({ id: 'filter-name', name: 'name', maxLength: 100 })),
    App.field('Postcode', App.input({ id: 'filter-postcode', name: 'postcode', maxLength: 8, className: 'short' })),
    App.field('Kind', App.select({ id: 'filter-kind', name: 'kind' }, KINDS, 'Any')),
    App.field('Status', App.select({ id: 'filter-status', name: 'status' }, STATUSES, 'Any')),
    App.make('p', {}, App.button('Search'))
  ], () => {
    page = 0;
    lastFilter = new URLSearchParams();
    ['name', 'postcode', 'kind', 'status'].forEach((name) => {
      const value = filter[name].value.trim();
      if (value) {
        lastFilter.set(name, value);
      }
    });
    load();
  });
  document.getElementById('intro').after(filter);
  const FILTER_FIELDS = { name: 'filter-name', postcode: 'filter-postcode', kind: 'filter-kind', status: 'filter-status' };

  function where(place) {
    const address = place.address || {};
    return [address.line1, address.city, address.postcode].filter(Boolean).join(', ')
      || (place.attendance === 'ONLINE' ? 'Online' : place.attendance === 'VARIOUS_PLACES' ? 'Various places' : '');
  }

  async function load() {
    App.clearProblem(problem);
    const query = new URLSearchParams(lastFilter);
    query.set('size', String(PAGE));
    query.set('page', String(page));
    try {
      const places = await App.api('GET', '/api/places?' + query);
      show(places);
      return places;
    } catch (failure) {
      App.showProblem(problem, failure, FILTER_FIELDS);
      return [];
    }
  }

  function show(places) {
    const first = page * PAGE + 1;
    document.getElementById('count').textContent = places.length === 0
      ? (page > 0 ? 'No more places.' : lastFilter.toString() ? 'No places match.'
        : me.role === 'host' ? 'No place names you as its host yet. Ask your council contact to add you.' : 'There are no places yet.')
      : places.length === 1 && page === 0 ? '1 place'
        : 'Places ' + first + ' to ' + (first + places.length - 1) + (places.length < PAGE && page === 0 ? '' : ', page ' + (page + 1));
    // Cards rather than a table, so that a phone shows each place whole
    const cards = places.map((place) => {
      const change = App.button('Change', { type: 'button', className: 'secondary' });
      change.setAttribute('aria-label', 'Change ' + place.name);
      change.addEventListener('click', () => edit(place));
      return App.make('li', { className: 'card' }, App.element('h2', place.name),
        App.element('p', [nameOf(KINDS, place.kind), where(place), nameOf(STATUSES, place.status)].filter(Boolean).join(' · '), 'muted'),
        change);
    });
    document.getElementById('places').replaceChildren(...cards);
    document.getElementById('previous').hidden = page === 0;
    document.getElementById('next').hidden = places.length < PAGE;
    document.getElementById('page-number').textContent = 'Page ' + (page + 1);
    pages.hidden = page === 0 && places.length < PAGE;
  }

  document.getElementById('previous').addEventListener('click', () => {
    page = Math.max(0, page - 1);
    load();
  });
  document.getElementById('next').addEventListener('click', () => {
    page += 1;
    load();
  });

  // One place's edit view: everything an admin may change in one form, or the parts a host keeps up to date

  function backToList() {
    App.clearProblem(editView.querySelector('.problem'));
    editView.hidden = true;
    editView.replaceChildren();
    listView.hidden = false;
    load();
  }

  /** A save button with its message right beside it, where the eye already is. */
  function saveLine(text) {
    const status = App.status({ className: 'status' });
    return { line: App.make('div', { className: 'row-actions' }, App.button(text), status), status };
  }

  function edit(original) {
    let place = original;
    const id = (name) => name + '-' + place.id;
    const box = App.make('div', { id: id('problem'), className: 'problem', tabIndex: -1 });
    box.setAttribute('role', 'alert');
    box.hidden = true;
    const back = App.button('Back to the list', { type: 'button', className: 'secondary' });
    back.addEventListener('click', backToList);
    const heading = App.element('h2', place.name);
    heading.tabIndex = -1;
    const mayChange = place.mayChange || [];
    const parts = [];
    if (mayChange.includes('details')) {
      parts.push(detailsForm());
    } else {
      parts.push(App.element('p', [nameOf(KINDS, place.kind), where(place)].filter(Boolean).join(' · '), 'muted'));
      if (mayChange.includes('capacity')) {
        parts.push(capacityForm());
      }
      if (mayChange.includes('opening-times')) {
        parts.push(openingTimesForm());
      }
      if (mayChange.includes('host')) {
        parts.push(hostForm());
      }
    }
    if (mayChange.includes('confirm')) {
      parts.push(stillRight());
    }
    if (mayChange.includes('listing-dates')) {
      parts.push(listingDatesForm());
    }
    if (mayChange.includes('remove')) {
      parts.push(removeButton());
    }
    editView.replaceChildren(App.make('p', {}, back), heading, box, ...parts);
    listView.hidden = true;
    editView.hidden = false;
    heading.focus();

    async function save(method, path, body, status, fields, said) {
      App.clearProblem(box);
      status.textContent = 'Saving…';
      try {
        place = await App.api(method, '/api/places/' + encodeURIComponent(place.id) + path, body);
        heading.textContent = place.name;
        status.textContent = said(place);
      } catch (failure) {
        status.textContent = 'Not saved: see the problem above.';
        App.showProblem(box, failure, fields);
      }
    }

    function text(label, name, value, properties, hint) {
      return App.field(label, App.input(Object.assign({ id: id(name), name, value: value === null || value === undefined ? '' : value }, properties)), hint);
    }

    function number(label, name, value, hint) {
      return text(label, name, value, { type: 'number', min: '0', inputMode: 'numeric', className: 'short' }, hint);
    }

    function radios(legend, name, choices, chosen) {
      const group = App.choice(legend, name, choices, { type: 'radio' });
      group.id = id(name);
      group.querySelectorAll('input').forEach((radio) => {
        radio.id = id(name + '-' + radio.value);
        radio.nextElementSibling.htmlFor = radio.id;
        radio.checked = radio.value === chosen;
      });
      return group;
    }

    function ticks(legend, name, vocabulary, chosen) {
      const group = App.choice(legend, name, App.terms(vocabulary));
      group.id = id(name);
      group.querySelectorAll('input').forEach((tick) => {
        tick.id = id(name + '-' + tick.value);
        tick.nextElementSibling.htmlFor = tick.id;
        tick.checked = (chosen || []).includes(tick.value);
      });
      return group;
    }

    function value(form, name) {
      const control = form.querySelector('#' + CSS.escape(id(name)));
      return control && control.value.trim() !== '' ? control.value.trim() : null;
    }

    function count(form, name) {
      const written = value(form, name);
      return written === null ? null : Number(written);
    }

    function chosen(form, name) {
      const checked = form.querySelector('input[name="' + name + '"]:checked');
      return checked ? checked.value : null;
    }

    function timeRow(time, rows) {
      const index = rows.children.length;
      const prefix = id('time-' + index + '-' + Math.random().toString(36).slice(2, 7));
      const remove = App.button('Remove', { type: 'button', className: 'secondary' });
      remove.setAttribute('aria-label', 'Remove time ' + (index + 1));
      const row = App.make('div', { className: 'time-row' },
        App.field('Day', App.select({ id: prefix + '-day' }, DAYS)),
        App.field('Opens', App.input({ id: prefix + '-opens', type: 'time', value: time.opens })),
        App.field('Closes', App.input({ id: prefix + '-closes', type: 'time', value: time.closes })),
        remove);
      row.dataset.description = time.description || '';
      row.querySelector('select').value = time.day;
      remove.addEventListener('click', () => row.remove());
      return row;
    }

    /** The opening times, one row a day, and how they map to the API's paths. */
    function timesGroup() {
      const rows = App.make('div');
      (place.openingTimes || []).forEach((time) => time.days.forEach((day) => {
        rows.appendChild(timeRow({ day, opens: time.opens, closes: time.closes, description: time.description }, rows));
      }));
      const add = App.button('Add a time', { type: 'button', className: 'secondary' });
      add.addEventListener('click', () => {
        const row = timeRow({ day: 'MO', opens: '10:00', closes: '12:00' }, rows);
        rows.appendChild(row);
        row.querySelector('select').focus();
      });
      const group = App.group('When people can come', [rows, App.make('div', { className: 'row-actions' }, add)]);
      group.id = id('times');
      group.classList.add('times');
      return {
        group,
        read(fields) {
          return Array.from(rows.querySelectorAll('.time-row')).map((row, index) => {
            const [day, opens, closes] = row.querySelectorAll('select, input');
            fields['openingTimes[' + index + ']'] = day.id;
            fields['openingTimes[' + index + '].days'] = day.id;
            fields['openingTimes[' + index + '].opens'] = opens.id;
            fields['openingTimes[' + index + '].closes'] = closes.id;
            return { days: [day.value], opens: opens.value, closes: closes.value, description: row.dataset.description || null };
          });
        }
      };
    }

    function capacityLines() {
      const room = place.capacity || {};
      return [number('Room for how many more people now', 'available', room.available),
        number('Most people you can welcome', 'maximum', room.maximum)];
    }

    function hostLines() {
      const host = place.host || {};
      return [text('Name', 'hostName', host.name, { maxLength: 100 }),
        text('Work e-mail (they sign in with it)', 'hostEmail', host.email, { type: 'email', maxLength: 254 }),
        text('Phone (optional)', 'hostPhone', host.phone, { type: 'tel', maxLength: 30 })];
    }

    const HOST_FIELDS = { 'host.name': id('hostName'), 'host.email': id('hostEmail'), 'host.phone': id('hostPhone'),
      name: id('hostName'), email: id('hostEmail'), phone: id('hostPhone') };

    function hostBody(form) {
      return { name: value(form, 'hostName'), email: value(form, 'hostEmail'), phone: value(form, 'hostPhone') };
    }

    function detailsForm() {
      const address = place.address || {};
      const organization = place.organization || {};
      const cost = place.cost;
      const times = timesGroup();
      const { line, status } = saveLine('Save changes');
      const description = App.make('textarea', { id: id('description'), name: 'description', rows: 5, maxLength: 4000 });
      description.value = place.description || '';
      const kind = App.select({ id: id('kind'), name: 'kind' }, KINDS);
      kind.value = place.kind;
      const placeStatus = App.select({ id: id('status'), name: 'status' }, STATUSES);
      placeStatus.value = place.status;
      const form = App.form({ id: id('details') }, [
        text('Name', 'name', place.name, { maxLength: 200 }),
        App.field('Description', description, 'What people do there and what to expect, in plain words.'),
        App.field('Kind of place', kind),
        App.field('Status', placeStatus, 'Only open places take referrals and appear in referrers\' search.'),
        text('Organisation that runs it', 'organization', organization.name, { maxLength: 200 }),
        App.group('Where', [
          radios('How people take part', 'attendance', ATTENDANCE, place.attendance || 'IN_PERSON'),
          text('Street address', 'line1', address.line1, { maxLength: 200 }),
          text('Town or city', 'city', address.city, { maxLength: 100 }),
          text('Postcode', 'postcode', address.postcode, { maxLength: 10, className: 'short' },
            'A place met in person needs one. Changing it places the place at the new postcode.')
        ]),
        ticks('Activities', 'activities', 'activity', place.activities),
        ticks('Access', 'accessibility', 'accessibility', place.accessibility),
        times.group,
        App.group('Cost', [
          radios('What it costs', 'cost', COST, cost ? (cost.free ? 'free' : 'paid') : 'unknown'),
          text('Amount in pounds (optional)', 'amount', cost && cost.amount !== null ? cost.amount : '',
            { inputMode: 'decimal', className: 'short' }),
          text('Cost in words (optional)', 'costDescription', cost ? cost.description : '', { maxLength: 200 },
            'Such as "£2.50 a session, first visit free".')
        ]),
        App.group('Ages', [number('Youngest age (optional)', 'minimumAge', place.minimumAge),
          number('Oldest age (optional)', 'maximumAge', place.maximumAge)]),
        App.group('Room', capacityLines()),
        App.group('Who answers referrals', [
          App.element('p', 'Referrals go to this person. If you change the e-mail, the place and its open referrals move to them.', 'hint'),
          ...hostLines()]),
        line
      ], () => {
        const fields = Object.assign({
          name: id('name'), description: id('description'), kind: id('kind'), status: id('status'),
          organization: id('organization'), 'organization.name': id('organization'),
          'address.attendance': id('attendance'), 'address.line1': id('line1'), 'address.city': id('city'),
          'address.postcode': id('postcode'), findable: id('postcode'), coordinatesComplete: id('postcode'),
          activities: id('activities'), accessibility: id('accessibility'), openingTimes: id('times'),
          cost: id('cost'), 'cost.amount': id('amount'), 'cost.description': id('costDescription'),
          minimumAge: id('minimumAge'), maximumAge: id('maximumAge'), ageRangeInOrder: id('minimumAge'),
          capacity: id('available'), 'capacity.available': id('available'), 'capacity.maximum': id('maximum'),
          'capacity.withinMaximum': id('available'), host: id('hostEmail')
        }, HOST_FIELDS);
        const postcode = value(form, 'postcode');
        const samePostcode = (postcode || '').replace(/\s/g, '').toUpperCase() === (address.postcode || '').replace(/\s/g, '').toUpperCase();
        const costChoice = chosen(form, 'cost');
        const amount = value(form, 'amount');
        const available = count(form, 'available');
        const maximum = count(form, 'maximum');
        const body = {
          name: value(form, 'name') || '', description: description.value.trim() || null, kind: kind.value,
          status: placeStatus.value,
          organization: { name: value(form, 'organization') || '', description: organization.description || null },
          activities: App.ticked(form, 'activities'), accessibility: App.ticked(form, 'accessibility'),
          address: { line1: value(form, 'line1'), city: value(form, 'city'), postcode, attendance: chosen(form, 'attendance') },
          // Where the place was found stays, unless its postcode changed: then the new postcode places it
          latitude: samePostcode ? place.latitude : null, longitude: samePostcode ? place.longitude : null,
          openingTimes: times.read(fields),
          cost: costChoice === 'unknown' || costChoice === null ? null
            : { free: costChoice === 'free', amount: costChoice === 'paid' && amount !== null ? Number(amount.replace('£', '')) : null,
              description: value(form, 'costDescription') },
          minimumAge: count(form, 'minimumAge'), maximumAge: count(form, 'maximumAge'),
          host: hostBody(form),
          capacity: available === null && maximum === null ? null : { available, maximum }
        };
        save('PUT', '', body, status, fields, () => 'Saved at ' + new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) + '.');
      });
      return form;
    }

    function capacityForm() {
      const { line, status } = saveLine('Save room');
      const form = App.form({ id: id('room') }, [App.group('Room', [...capacityLines(), line])], () =>
        save('PUT', '/capacity', { available: count(form, 'available'), maximum: count(form, 'maximum') }, status,
          { available: id('available'), maximum: id('maximum'), withinMaximum: id('available') },
          (after) => 'Saved room: ' + after.capacity.available + ' of ' + after.capacity.maximum + '.'));
      return form;
    }

    function openingTimesForm() {
      const times = timesGroup();
      const { line, status } = saveLine('Save opening times');
      times.group.appendChild(line);
      const form = App.form({ id: id('opening-times') }, [times.group], () => {
        const fields = { openingTimes: id('times') };
        save('PUT', '/opening-times', { openingTimes: times.read(fields) }, status, fields, () => 'Saved opening times.');
      });
      return form;
    }

    function hostForm() {
      const { line, status } = saveLine('Save host contact');
      const form = App.form({ id: id('host') }, [App.group('Who answers referrals', [
        App.element('p', 'Referrals go to this person. If you change the e-mail, the place and its open referrals move to them.', 'hint'),
        ...hostLines(), line])],
      () => save('PUT', '/host', hostBody(form), status, HOST_FIELDS, () => 'Saved host contact.'));
      return form;
    }

    function listingDatesForm() {
      const { line, status } = saveLine('Save dates');
      const form = App.form({ id: id('listing-dates') }, [App.group('Closed for a while, or listed from a date', [
        text('Closed until (optional)', 'closedUntil', place.closedUntil, { type: 'date', className: 'short' },
          'Referrers see it is closed until this day.'),
        text('Listed from (optional)', 'listedFrom', place.listedFrom, { type: 'date', className: 'short' },
          'Referrers find it from this day.'),
        line])],
      () => save('PUT', '/listing-dates', { closedUntil: value(form, 'closedUntil'), listedFrom: value(form, 'listedFrom') }, status,
        { closedUntil: id('closedUntil'), listedFrom: id('listedFrom') }, () => 'Saved dates.'));
      return form;
    }

    /**
     * When the listing was last checked, what people have reported as out of date, and one
     * button to say it is all still right (any change saved above counts as a check too).
     */
    function stillRight() {
      const checked = App.element('p', '');
      const reports = App.make('ul');
      const status = App.status({ className: 'status' });
      const confirm = App.button('Yes, still right', { type: 'button', className: 'secondary' });
      const describe = () => {
        checked.textContent = place.lastChecked ? 'Last checked ' + App.when(place.lastChecked) + '.' : 'Not checked yet.';
        reports.replaceChildren(...(place.openReports || []).map((report) => App.element('li',
          App.label('listing-problem', report.problem) + ' (reported ' + App.when(report.reportedAt) + ')'
          + (report.details ? ': “' + report.details + '”' : ''))));
        reports.hidden = reports.children.length === 0;
      };
      describe();
      confirm.addEventListener('click', async () => {
        App.clearProblem(box);
        status.textContent = 'Saving…';
        try {
          const confirmed = await App.api('POST', '/api/places/' + encodeURIComponent(place.id) + '/confirmations');
          place = Object.assign({}, place, { lastChecked: confirmed.lastChecked, openReports: [] });
          describe();
          status.textContent = 'Marked as checked today.';
        } catch (failure) {
          status.textContent = 'Not saved: see the problem above.';
          App.showProblem(box, failure);
        }
      });
      return App.make('section', { className: 'still-right' }, App.element('h3', 'Is the listing still right?'), checked,
        reports, App.make('div', { className: 'row-actions' }, confirm, status));
    }

    function removeButton() {
      const status = App.status({ className: 'status' });
      const remove = App.button('Remove ' + place.name, { type: 'button', className: 'secondary' });
      remove.addEventListener('click', async () => {
        if (!window.confirm('Remove ' + place.name + '? Referrers will no longer find it.')) {
          return;
        }
        App.clearProblem(box);
        try {
          await App.api('DELETE', '/api/places/' + encodeURIComponent(place.id));
          editView.replaceChildren(App.make('p', {}, back), App.element('p', place.name + ' was removed.', 'lead'));
          back.focus();
        } catch (failure) {
          status.textContent = 'Not removed: see the problem above.';
          App.showProblem(box, failure);
        }
      });
      return App.make('div', { className: 'row-actions' }, remove, status);
    }
  }

  const first = await load();
  // A host with one place goes straight to it
  if (me.role === 'host' && page === 0 && first.length === 1 && !lastFilter.toString()) {
    edit(first[0]);
  }
}());
