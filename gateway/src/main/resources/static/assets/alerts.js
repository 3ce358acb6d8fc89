'use strict';
(async function () {
  await App.start('/alerts.html');
  const problem = document.getElementById('problem');
  const saved = App.status({ id: 'saved' });
  let form;

  /** The form offers the channels the service says it sends, and a mobile number only where texts are one of them. */
  function showForm(channels) {
    const texts = channels.some((channel) => channel.code === 'text');
    form = App.form({ id: 'preference', noValidate: true }, [
      App.choice('When something happens to a referral', 'channel', channels, { type: 'radio' }),
      App.field('E-mail address, if not your work address', App.input({ id: 'email', name: 'email', type: 'email', autocomplete: 'email' })),
      texts ? App.field('Mobile number for text messages', App.input({ id: 'phone', name: 'phone', type: 'tel', autocomplete: 'tel' })) : null,
      App.field('Webhook address (https)', App.input({ id: 'webhookUrl', name: 'webhookUrl', type: 'url' })),
      App.make('p', {}, App.button('Save')),
      saved
    ].filter((part) => part !== null), save);
    document.getElementById('how').appendChild(form);
  }

  async function loadPreference() {
    const preference = await App.api('GET', '/api/notifications/preferences');
    showForm(preference.channels);
    const chosen = document.getElementById('channel-' + preference.channel);
    if (chosen) {
      chosen.checked = true;
    }
    form.email.value = preference.email || '';
    if (form.phone) {
      form.phone.value = preference.phone || '';
    }
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
        phone: form.phone ? form.phone.value.trim() || null : null,
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
    // The form first, so that the page's controls are in place once its alerts show
    await loadPreference();
    await loadInbox();
  } catch (failure) {
    App.showProblem(problem, failure);
  }
}());
