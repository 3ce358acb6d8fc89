'use strict';
// Where a host's review e-mail leads, signed in or not: the link carries the place and, after the
// #, a token that confirms its listing (a part of the address no server sees or logs). Opening
// the page changes nothing; only its button does, so a mail scanner that follows the link cannot.
(function () {
  const problem = document.getElementById('problem');
  const ask = document.getElementById('ask');
  const done = document.getElementById('done');
  const place = new URLSearchParams(window.location.search).get('place');
  const token = new URLSearchParams(window.location.hash.substring(1)).get('token');
  // Out of the address bar and the browser's history once read
  window.history.replaceState(null, '', window.location.pathname + window.location.search);

  if (!place || !token) {
    ask.hidden = true;
    App.showProblem(problem, { detail: 'This link is not complete. Open it again from the e-mail, or sign in and check your listing under Your places.' });
    return;
  }

  document.getElementById('confirm').addEventListener('click', async () => {
    App.clearProblem(problem);
    let response;
    try {
      response = await fetch('/api/places/' + encodeURIComponent(place) + '/confirmations', {
        method: 'POST',
        headers: { Accept: 'application/json', 'X-XSRF-TOKEN': App.csrfToken(), 'Confirmation-Token': token },
        credentials: 'same-origin'
      });
    } catch (error) {
      App.showProblem(problem, App.UNREACHABLE);
      return;
    }
    const text = await response.text();
    const answer = text ? JSON.parse(text) : null;
    if (!response.ok) {
      App.showProblem(problem, Object.assign({ detail: 'Something went wrong (' + response.status + ').' }, answer));
      return;
    }
    ask.hidden = true;
    done.textContent = 'Thank you. Your listing is marked as checked today. We will ask again in a few months.';
  });
}());
