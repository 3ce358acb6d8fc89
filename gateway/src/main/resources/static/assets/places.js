'use strict';
(async function () {
  const me = await App.start('/places.html', ['host', 'admin']);
  const PAGE = 50;
  const DAYS = [{ code: 'MO', name: 'Monday' }, { code: 'TU', name: 'Tuesday' }, { code: 'WE', name: 'Wednesday' },
    { code: 'TH', name: 'Thursday' }, { code: 'FR', name: 'Friday' }, { code: 'SA', name: 'Saturday' }, { code: 'SU', name: 'Sunday' }];
  const problem = document.getElementById('problem');
  const list = document.getElementById('places');
  const more = document.getElementById('more');
  let page = 0;
  let shown = 0;
  if (me.role === 'host') {
    document.getElementById('heading').textContent = 'Your places';
  }

  function count(id, value) {
    return App.input({ id, type: 'number', min: '0', inputMode: 'numeric', className: 'short', value: value === undefined || value === null ? '' : value });
  }

  function capacityForm(place, status) {
    const room = place.capacity || {};
    const available = count('available-' + place.id, room.available);
    const maximum = count('maximum-' + place.id, room.maximum);
    return App.form({}, [
      App.field('Room for how many more people now', available),
      App.field('Most people you can welcome', maximum),
      App.button('Save room')
    ], () => save(place, 'capacity', { available: Number(available.value), maximum: Number(maximum.value) }, status));
  }

  function timeRow(place, index, time) {
    const prefix = 'time-' + place.id + '-' + index;
    const remove = App.button('Remove', { type: 'button', className: 'secondary' });
    remove.setAttribute('aria-label', 'Remove time ' + (index + 1));
    const row = App.make('div', { className: 'time-row' },
      App.field('Day', App.select({ id: prefix + '-day' }, DAYS)),
      App.field('Opens', App.input({ id: prefix + '-opens', type: 'time', value: time.opens })),
      App.field('Closes', App.input({ id: prefix + '-closes', type: 'time', value: time.closes })),
      remove);
    row.querySelector('select').value = time.day;
    remove.addEventListener('click', () => row.remove());
    return row;
  }

  function openingTimesForm(place, status) {
    const rows = App.make('div');
    let added = 0;
    (place.openingTimes || []).forEach((time) => time.days.forEach((day) => {
      rows.appendChild(timeRow(place, added++, { day, opens: time.opens, closes: time.closes }));
    }));
    const add = App.button('Add a time', { type: 'button', className: 'secondary' });
    add.addEventListener('click', () => {
      const row = timeRow(place, added++, { day: 'MO', opens: '10:00', closes: '12:00' });
      rows.appendChild(row);
      row.querySelector('select').focus();
    });
    return App.form({ className: 'times' }, [App.group('When people can come', [rows,
      App.make('div', { className: 'row-actions' }, add, App.button('Save opening times'))])], () => {
      const openingTimes = Array.from(rows.querySelectorAll('.time-row')).map((row) => {
        const [day, opens, closes] = row.querySelectorAll('select, input');
        return { days: [day.value], opens: opens.value, closes: closes.value };
      });
      save(place, 'opening-times', { openingTimes }, status);
    });
  }

  function hostForm(place, status) {
    const host = place.host || {};
    const inputs = {};
    const lines = [['name', 'Name', 'text'], ['email', 'Work e-mail (they sign in with it)', 'email'],
      ['phone', 'Phone (optional)', 'tel']].map(([name, label, type]) => {
      inputs[name] = App.input({ id: 'host-' + name + '-' + place.id, type, value: host[name] || '' });
      return App.field(label, inputs[name]);
    });
    return App.form({}, [App.group('Who answers referrals', [
      App.element('p', 'Referrals go to this person. If you change the e-mail, the place and its open referrals move to them.', 'hint'),
      ...lines, App.button('Save host contact')])],
    () => save(place, 'host', { name: inputs.name.value, email: inputs.email.value, phone: inputs.phone.value || null }, status));
  }

  function removeButton(place, item, status) {
    const remove = App.button('Remove ' + place.name, { type: 'button', className: 'secondary' });
    remove.addEventListener('click', async () => {
      if (!window.confirm('Remove ' + place.name + '? Referrers will no longer find it.')) {
        return;
      }
      problem.hidden = true;
      try {
        await App.api('DELETE', '/api/places/' + encodeURIComponent(place.id));
        item.replaceChildren(App.element('p', place.name + ' was removed.', 'lead'));
      } catch (failure) {
        status.textContent = '';
        App.showProblem(problem, failure);
      }
    });
    return remove;
  }

  async function save(place, part, body, status) {
    problem.hidden = true;
    status.textContent = 'Saving…';
    try {
      const after = await App.api('PUT', '/api/places/' + encodeURIComponent(place.id) + '/' + part, body);
      const what = part === 'capacity' ? 'room: ' + after.capacity.available + ' of ' + after.capacity.maximum
        : part === 'host' ? 'host contact' : 'opening times';
      status.textContent = 'Saved ' + what + '.';
    } catch (failure) {
      status.textContent = '';
      App.showProblem(problem, failure);
    }
  }

  function show(place) {
    const item = App.element('li', null, 'card');
    const heading = App.element('h2', place.name);
    const status = App.status({ className: 'room' });
    const address = place.address ? [place.address.line1, place.address.city, place.address.postcode].filter(Boolean).join(', ') : '';
    // The places API names a kind by its constant (COMMUNITY_GROUP); the vocabulary by its code (community-group)
    const kind = App.label('place-kind', (place.kind || '').toLowerCase().replace(/_/g, '-'));
    item.append(heading, App.element('p', [kind, address].filter(Boolean).join(' · '), 'muted'));
    if (place.capacity && place.capacity.updated) {
      item.appendChild(App.element('p', 'Room last updated ' + App.when(place.capacity.updated), 'muted'));
    }
    item.append(capacityForm(place, status), openingTimesForm(place, status), hostForm(place, status));
    if (me.role === 'admin') {
      item.appendChild(removeButton(place, item, status));
    }
    item.appendChild(status);
    list.appendChild(item);
  }

  async function load() {
    try {
      const places = await App.api('GET', '/api/places?size=' + PAGE + '&page=' + page);
      places.forEach(show);
      shown += places.length;
      more.hidden = places.length < PAGE;
      document.getElementById('count').textContent = shown === 0
        ? (me.role === 'host' ? 'No place names you as its host yet. Ask your council contact to add you.' : 'There are no places yet.')
        : shown === 1 ? '1 place' : shown + ' places';
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  more.addEventListener('click', () => {
    page += 1;
    load();
  });
  await load();
}());
