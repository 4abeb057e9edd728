// Starts Interleave: loads the wasm module, whose main() mounts the app into #app.
// Kept out of index.html so the Content-Security-Policy can forbid inline scripts.
import init from '../pkg/interleave.js';

// The error banner's Reload button works even when the wasm instance has died (a panic aborts
// it), because this listener is plain JavaScript.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-reload]')) {
    location.reload();
  }
});

function showBanner(heading, error) {
  if (document.getElementById('fatal')) return;
  const banner = document.createElement('div');
  banner.id = 'fatal';
  banner.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = heading;
  const detail = document.createElement('p');
  detail.textContent = `Details: ${error}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.reload = '';
  button.textContent = 'Reload the page';
  banner.append(title, detail, button);
  document.body.prepend(banner);
}

// A WebAssembly trap (the engine ran out of stack on a deep recursion, say) is not a Rust
// panic, so the panic banner never hears of it; the instance may be half-way through an
// update and cannot be trusted after it. Say so the same way, with the same Reload button
// (what was typed is saved in the browser and comes back).
function onTrap(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    showBanner('Something went wrong inside Interleave, so the page stopped. Your code is saved: reload to continue.', error);
  }
}
window.addEventListener('error', (event) => onTrap(event.error));
window.addEventListener('unhandledrejection', (event) => onTrap(event.reason));

init().catch((error) => showBanner('Interleave could not start in this browser.', error));
