'use strict';
(async function () {
  const me = await App.start('/places.html', ['host', 'admin']);
  const PAGE = 50;
  const DAYS = [['MO', 'Monday'], ['TU', 'Tuesday'], ['WE', 'Wednesday'], ['TH', 'Thursday'], ['FR', 'Friday'],
    ['SA', 'Saturday'], ['SU', 'Sunday']];
  const problem = document.getElementById('problem');
  const list = document.getElementById('places');
  const more = document.getElementById('more');
  let page = 0;
  let shown = 0;
  if (me.role === 'host') {
    document.getElementById('heading').textContent = 'Your places';
  }

  function field(id, label, input) {
    const wrapper = App.element('p');
    const caption = App.element('label', label);
    caption.htmlFor = id;
    input.id = id;
    wrapper.append(caption, input);
    return wrapper;
  }

  function numberInput(value) {
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.inputMode = 'numeric';
    input.className = 'short';
    input.value = value === undefined || value === null ? '' : value;
    return input;
  }

  function capacityForm(place, status) {
    const form = document.createElement('form');
    const available = numberInput(place.capacity ? place.capacity.available : '');
    const maximum = numberInput(place.capacity ? place.capacity.maximum : '');
    const submit = App.element('button', 'Save room');
    submit.type = 'submit';
    form.append(field('available-' + place.id, 'Room for how many more people now', available),
      field('maximum-' + place.id, 'Most people you can welcome', maximum), submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await save(place, 'capacity', { available: Number(available.value), maximum: Number(maximum.value) }, status);
    });
    return form;
  }

  function timeRow(place, index, time) {
    const row = App.element('div', null, 'time-row');
    const day = document.createElement('select');
    DAYS.forEach(([code, name]) => {
      const option = App.element('option', name);
      option.value = code;
      day.appendChild(option);
    });
    day.value = time.day;
    const opens = document.createElement('input');
    opens.type = 'time';
    opens.value = time.opens;
    const closes = document.createElement('input');
    closes.type = 'time';
    closes.value = time.closes;
    const remove = App.element('button', 'Remove', 'secondary');
    remove.type = 'button';
    remove.addEventListener('click', () => row.remove());
    const prefix = 'time-' + place.id + '-' + index;
    row.append(field(prefix + '-day', 'Day', day), field(prefix + '-opens', 'Opens', opens),
      field(prefix + '-closes', 'Closes', closes), remove);
    remove.setAttribute('aria-label', 'Remove time ' + (index + 1));
    return row;
  }

  function openingTimesForm(place, status) {
    const form = document.createElement('form');
    form.className = 'times';
    const fieldset = document.createElement('fieldset');
    fieldset.appendChild(App.element('legend', 'When people can come'));
    const rows = App.element('div');
    let count = 0;
    (place.openingTimes || []).forEach((time) => time.days.forEach((day) => {
      rows.appendChild(timeRow(place, count++, { day, opens: time.opens, closes: time.closes }));
    }));
    const add = App.element('button', 'Add a time', 'secondary');
    add.type = 'button';
    add.addEventListener('click', () => {
      const row = timeRow(place, count++, { day: 'MO', opens: '10:00', closes: '12:00' });
      rows.appendChild(row);
      row.querySelector('select').focus();
    });
    const submit = App.element('button', 'Save opening times');
    submit.type = 'submit';
    const actions = App.element('div', null, 'row-actions');
    actions.append(add, submit);
    fieldset.append(rows, actions);
    form.appendChild(fieldset);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const openingTimes = Array.from(rows.querySelectorAll('.time-row')).map((row) => {
        const [day, opens, closes] = row.querySelectorAll('select, input');
        return { days: [day.value], opens: opens.value, closes: closes.value };
      });
      await save(place, 'opening-times', { openingTimes }, status);
    });
    return form;
  }

  function hostForm(place, status) {
    const form = document.createElement('form');
    const fieldset = document.createElement('fieldset');
    fieldset.appendChild(App.element('legend', 'Who answers referrals'));
    fieldset.appendChild(App.element('p', 'Referrals go to this person. If you change the e-mail, the place and its open referrals move to them.', 'hint'));
    const host = place.host || {};
    const inputs = {};
    [['name', 'Name', 'text', 'name'], ['email', 'Work e-mail (they sign in with it)', 'email', 'email'],
      ['phone', 'Phone (optional)', 'tel', 'tel']].forEach(([name, label, type, autocomplete]) => {
      const input = document.createElement('input');
      input.type = type;
      input.autocomplete = 'off';
      input.value = host[name] || '';
      inputs[name] = input;
      fieldset.appendChild(field('host-' + name + '-' + place.id, label, input));
    });
    const submit = App.element('button', 'Save host contact');
    submit.type = 'submit';
    fieldset.appendChild(submit);
    form.appendChild(fieldset);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await save(place, 'host', { name: inputs.name.value, email: inputs.email.value, phone: inputs.phone.value || null }, status);
    });
    return form;
  }

  function removeButton(place, item, status) {
    const remove = App.element('button', 'Remove ' + place.name, 'secondary');
    remove.type = 'button';
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
    const status = App.element('p', '', 'room');
    status.setAttribute('role', 'status');
    const address = place.address ? [place.address.line1, place.address.city, place.address.postcode].filter(Boolean).join(', ') : '';
    item.append(heading, App.element('p', [App.words((place.kind || '').toLowerCase()), address].filter(Boolean).join(' · '), 'muted'));
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
