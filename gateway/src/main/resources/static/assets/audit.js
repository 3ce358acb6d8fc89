'use strict';
(async function () {
  await App.start('/audit.html', ['admin']);
  const PAGE = 50;
  const problem = document.getElementById('problem');
  const more = document.getElementById('more');
  let page = 0;
  let entries = [];
  const TRAILS = [{ code: '/api/audit', name: 'Referrals' }, { code: '/api/places/audit', name: 'Places' },
    { code: '/api/notifications/audit', name: 'Alerts and messages' }];
  const form = App.form({ id: 'filter', className: 'inline-form' }, [
    App.field('Records', App.select({ id: 'trail', name: 'trail' }, TRAILS)),
    App.field('Record id', App.input({ id: 'objectId', name: 'objectId' })),
    App.field('Person id', App.input({ id: 'actorId', name: 'actorId' })),
    App.make('p', {}, App.button('Show'))
  ], () => {
    page = 0;
    entries = [];
    load();
  });
  document.getElementById('intro').after(form);

  async function load() {
    problem.hidden = true;
    const query = new URLSearchParams({ page: String(page), size: String(PAGE) });
    ['objectId', 'actorId'].forEach((name) => {
      if (form[name].value.trim()) {
        query.set(name, form[name].value.trim());
      }
    });
    try {
      const answer = await App.api('GET', form.trail.value + '?' + query);
      entries = entries.concat(answer.entries);
      more.hidden = answer.entries.length < PAGE;
      document.getElementById('count').textContent = entries.length === 0 ? 'No entries.'
        : entries.length === 1 ? '1 entry' : entries.length + ' entries';
      document.getElementById('entries').replaceChildren(App.table('Audit entries, newest first',
        ['When', 'Who', 'Role', 'Record', 'Why', 'Outcome'], entries.map((entry) => [App.when(entry.at), entry.actorId,
          App.words(entry.actorRole), App.words(entry.objectType) + ' ' + entry.objectId, entry.purpose,
          App.words((entry.outcome || '').toLowerCase())])));
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
