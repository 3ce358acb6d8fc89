'use strict';
// Where and when as a letter the referrer prints and hands over, in large type: the same words the
// person is sent, addressed to them by name, and nothing else about them.
(async function () {
  await App.start('/referrals.html', ['referrer']);
  const id = new URLSearchParams(window.location.search).get('id') || '';
  const problem = document.getElementById('problem');
  const print = document.getElementById('print');
  document.getElementById('back').href = '/referral.html?id=' + encodeURIComponent(id);
  print.addEventListener('click', () => window.print());
  try {
    const letter = await App.api('GET', '/api/referrals/' + encodeURIComponent(id) + '/letter');
    document.getElementById('letter-to').textContent = 'Dear ' + letter.to + ',';
    document.getElementById('letter-heading').textContent = letter.heading;
    document.getElementById('letter-words').replaceChildren(...letter.paragraphs.map((words) => App.element('p', words)));
    document.getElementById('letter-from').textContent = 'From ' + letter.from;
    document.title = letter.heading + ' – Community places';
    document.getElementById('letter').hidden = false;
    print.disabled = false;
  } catch (failure) {
    App.showProblem(problem, failure);
  }
}());
