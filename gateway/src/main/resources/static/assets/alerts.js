'use strict';
(async function () {
  await App.start('/alerts.html');
  const problem = document.getElementById('problem');
  const CHANNELS = [{ code: 'email', name: 'E-mail me each time' }, { code: 'digest', name: 'E-mail me once a day' },
    { code: 'inbox', name: 'Only show them here' }, { code: 'webhook', name: 'Send them to our own system (webhook)' }];
  const saved = App.status({ id: 'saved' });
  const form = App.form({ id: 'preference', noValidate: true }, [
    App.choice('When something happens to a referral', 'channel', CHANNELS, { type: 'radio' }),
    App.field('E-mail address, if not your work address', App.input({ id: 'email', name: 'email', type: 'email', autocomplete: 'email' })),
    App.field('Webhook address (https)', App.input({ id: 'webhookUrl', name: 'webhookUrl', type: 'url' })),
    App.make('p', {}, App.button('Save')),
    saved
  ], save);
  document.getElementById('how').appendChild(form);

  async function loadPreference() {
    const preference = await App.api('GET', '/api/notifications/preferences');
    const chosen = document.getElementById('channel-' + preference.channel);
    if (chosen) {
      chosen.checked = true;
    }
    form.email.value = preference.email || '';
    form.webhookUrl.value = preference.webhookUrl || '';
  }

  async function loadInbox() {
    const items = await App.api('GET', '/api/notifications/inbox?size=50');
    const unread = items.filter((item) => !item.readAt).length;
    document.getElementById('unread').textContent = items.length === 0 ? 'No alerts yet.'
      : unread === 0 ? 'All read.' : unread === 1 ? '1 unread alert' : unread + ' unread alerts';
    const list = document.getElementById('inbox');
    list.replaceChildren();
    items.forEach((item) => {
      const entry = App.element('li', null, 'card');
      const heading = App.element('h3');
      const link = App.element('a', (item.readAt ? '' : 'New: ') + item.subject);
      link.href = '/referral.html?id=' + encodeURIComponent(item.referralId);
      link.addEventListener('click', () => {
        if (!item.readAt) {
          App.api('POST', '/api/notifications/inbox/' + encodeURIComponent(item.id) + '/read').catch(() => undefined);
        }
      });
      heading.appendChild(link);
      entry.append(heading, App.element('p', item.text), App.element('p', App.when(item.createdAt), 'muted'));
      list.appendChild(entry);
    });
  }

  async function save() {
    problem.hidden = true;
    const channel = form.querySelector('input[name="channel"]:checked');
    try {
      const answer = await App.api('PUT', '/api/notifications/preferences', {
        channel: channel ? channel.value : null,
        email: form.email.value.trim() || null,
        webhookUrl: form.webhookUrl.value.trim() || null
      });
      saved.textContent = answer.webhookSecret
        ? 'Saved. Your webhook signing secret, shown only now: ' + answer.webhookSecret
        : 'Saved.';
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  try {
    await Promise.all([loadPreference(), loadInbox()]);
  } catch (failure) {
    App.showProblem(problem, failure);
  }
}());
