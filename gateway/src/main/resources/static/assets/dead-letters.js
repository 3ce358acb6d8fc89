'use strict';
(async function () {
  await App.start('/dead-letters.html', ['admin']);
  const problem = document.getElementById('problem');

  async function load() {
    try {
      const letters = await App.api('GET', '/api/notifications/dead-letters?size=200');
      const parked = letters.filter((letter) => letter.status === 'PARKED').length;
      document.getElementById('count').textContent = parked === 0 ? 'Nothing is parked.'
        : parked === 1 ? '1 event is parked.' : parked + ' events are parked.';
      document.getElementById('letters').replaceChildren(App.table('Parked and replayed events, newest first',
        ['Parked', 'Why', 'From', 'Status', 'Event'], letters.map((letter) => [App.when(letter.parkedAt), letter.reason,
          letter.originalTopic, letter.status === 'PARKED' ? replay(letter)
            : 'Replayed ' + App.when(letter.replayedAt) + (letter.replayedBy ? ' by ' + letter.replayedBy : ''),
          payload(letter)])));
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  function payload(letter) {
    return App.make('details', {}, App.make('summary', {}, 'Show the event'), App.make('pre', {}, letter.payload));
  }

  function replay(letter) {
    const button = App.element('button', 'Replay', 'secondary');
    button.type = 'button';
    button.setAttribute('aria-label', 'Replay the event parked ' + App.when(letter.parkedAt));
    button.addEventListener('click', async () => {
      problem.hidden = true;
      try {
        await App.api('POST', '/api/notifications/dead-letters/' + encodeURIComponent(letter.id) + '/replay');
        await load();
        document.getElementById('count').textContent += ' The event was sent again.';
      } catch (failure) {
        App.showProblem(problem, failure);
      }
    });
    return button;
  }

  await load();
}());
