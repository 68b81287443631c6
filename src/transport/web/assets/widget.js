/* Wegwijs chat widget. One line on any page of the municipality's website:
     <script src="https://chat.example.nl/widget.js" data-lang="en" defer></script>
   It draws a chat button; the chat opens beside it in a panel that shows the chat page in a
   frame, so the chat's own security policy and storage apply and the page's styles cannot reach
   it. Nothing is loaded from the chat server until the button is pressed. */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || window.wegwijsWidget) return;
  window.wegwijsWidget = true;
  var LABELS = __LABELS__;
  var base = new URL('.', me.src);
  var origin = base.origin;

  function pick(code) {
    code = String(code || '').toLowerCase().split(/[-_]/)[0];
    return Object.prototype.hasOwnProperty.call(LABELS, code) ? code : null;
  }
  var asked = pick(me.getAttribute('data-lang'));
  var lang = asked || pick(document.documentElement.lang) || pick(navigator.language) || '__DEFAULT_LANG__';
  var L = LABELS[lang] || LABELS[Object.keys(LABELS)[0]];
  var rtlPage = (document.documentElement.getAttribute('dir') || '').toLowerCase() === 'rtl';

  function style(node, props) {
    for (var k in props) node.style.setProperty(k, props[k]);
  }

  /* The page's own styles may remove focus rings: this one draws its own. */
  function focusRing(node) {
    node.addEventListener('focus', function () {
      var visible = true;
      try {
        visible = node.matches(':focus-visible');
      } catch (e) {
        /* older browsers: always show it */
      }
      if (visible) style(node, { outline: '3px solid #0b3fb3', 'outline-offset': '3px' });
    });
    node.addEventListener('blur', function () {
      style(node, { outline: 'none' });
    });
  }

  var button = document.createElement('button');
  button.type = 'button';
  button.id = 'wegwijs-open';
  button.textContent = L.open;
  button.lang = lang;
  button.dir = L.dir;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'wegwijs-panel');
  style(button, {
    position: 'fixed',
    bottom: '16px',
    'z-index': '2147483000',
    margin: '0',
    padding: '12px 20px',
    'min-height': '48px',
    'max-width': 'calc(100vw - 32px)',
    color: '#ffffff',
    background: '#1a4fd8',
    border: '0',
    'border-radius': '24px',
    'box-shadow': '0 2px 8px rgba(0, 0, 0, 0.3)',
    font: '600 16px/1.25 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Ethiopic", "Abyssinica SIL", "Noto Sans Arabic", sans-serif',
    cursor: 'pointer',
  });
  style(button, rtlPage ? { left: '16px' } : { right: '16px' });
  focusRing(button);

  var panel = null;
  var frame = null;

  function isOpen() {
    return panel !== null && panel.style.display !== 'none';
  }

  function build() {
    panel = document.createElement('div');
    panel.id = 'wegwijs-panel';
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', L.title);
    frame = document.createElement('iframe');
    var src = new URL(base.href);
    src.searchParams.set('embed', '1');
    if (asked) src.searchParams.set('lang', asked);
    frame.src = src.href;
    frame.title = L.title;
    frame.referrerPolicy = 'no-referrer';
    style(frame, { display: 'block', width: '100%', height: '100%', border: '0', margin: '0', padding: '0' });
    frame.addEventListener('load', function () {
      if (isOpen()) frame.contentWindow.postMessage('wegwijs:focus', origin);
    });
    panel.appendChild(frame);
    document.body.appendChild(panel);
  }

  function place() {
    var phone = window.matchMedia('(max-width: 480px)').matches;
    var common = { position: 'fixed', 'z-index': '2147483001', overflow: 'hidden', background: '#ffffff', margin: '0', padding: '0' };
    style(panel, common);
    if (phone) {
      style(panel, { top: '0', left: '0', right: '0', bottom: '0', width: '100vw', height: '100%', 'border-radius': '0', 'box-shadow': 'none' });
    } else {
      style(panel, {
        top: 'auto',
        bottom: '80px',
        width: 'min(420px, calc(100vw - 32px))',
        height: 'min(640px, calc(100vh - 112px))',
        'border-radius': '12px',
        'box-shadow': '0 4px 24px rgba(0, 0, 0, 0.3)',
      });
      style(panel, rtlPage ? { left: '16px', right: 'auto' } : { right: '16px', left: 'auto' });
    }
  }

  function open() {
    if (!panel) build();
    place();
    panel.style.display = 'block';
    button.setAttribute('aria-expanded', 'true');
    button.textContent = L.close;
    frame.focus();
    frame.contentWindow.postMessage('wegwijs:focus', origin);
  }

  function close() {
    if (!panel) return;
    panel.style.display = 'none';
    button.setAttribute('aria-expanded', 'false');
    button.textContent = L.open;
    button.focus();
  }

  button.addEventListener('click', function () {
    if (isOpen()) close();
    else open();
  });
  window.addEventListener('message', function (e) {
    if (frame && e.origin === origin && e.source === frame.contentWindow && e.data === 'wegwijs:close') close();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && isOpen()) close();
  });

  function mount() {
    document.body.appendChild(button);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
