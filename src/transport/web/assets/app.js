/* Wegwijs web chat: the page's script. No library and no build step.
   Every node is built with createElement and textContent: the page's Content-Security-Policy
   requires Trusted Types, so an HTML string could not be put into the page even by mistake. */
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const cfg = JSON.parse($('wegwijs-config').textContent);
  const log = $('log');
  const main = $('main');
  const form = $('ask');
  const input = $('question');
  const typing = $('typing');
  const statusLine = $('status');
  let texts = cfg.texts || {};
  const T = (id) => (typeof texts[id] === 'string' ? texts[id] : '');

  /* Storage: localStorage where the browser allows it, else memory for this tab only. */
  const memory = new Map();
  const storage = (() => {
    try {
      localStorage.setItem('wegwijs.check', '1');
      localStorage.removeItem('wegwijs.check');
      return localStorage;
    } catch (e) {
      return null;
    }
  })();
  const load = (k) => {
    try {
      return storage ? storage.getItem(k) : memory.has(k) ? memory.get(k) : null;
    } catch (e) {
      return null;
    }
  };
  const save = (k, v) => {
    try {
      if (storage) storage.setItem(k, v);
      else memory.set(k, v);
    } catch (e) {
      /* Storage full or blocked: the conversation goes on in this tab. */
    }
  };
  const drop = (k) => {
    try {
      if (storage) storage.removeItem(k);
      else memory.delete(k);
    } catch (e) {
      /* nothing to remove */
    }
  };

  const KEY_TOKEN = 'wegwijs.token';
  const KEY_HISTORY = 'wegwijs.history';
  const MAX_HISTORY = 200;
  let token = load(KEY_TOKEN);
  let history = [];
  try {
    history = JSON.parse(load(KEY_HISTORY) || '[]');
    if (!Array.isArray(history)) history = [];
  } catch (e) {
    history = [];
  }
  /* Outbox ids of the messages on the page: a message that comes again is not shown twice. */
  const shown = new Set();
  /* Messages sent but not yet confirmed by the server, in order; sent again after a reconnect. */
  let queue = [];
  let acks = [];

  function rid() {
    const b = new Uint8Array(12);
    crypto.getRandomValues(b);
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* Text with Unicode isolates (LRI, RLI, FSI ... PDI) turned into elements, so that dir="auto"
     looks past an isolated number or name to the first real word. */
  function appendText(parent, s) {
    const stack = [parent];
    let buf = '';
    const flush = () => {
      if (buf) {
        stack[stack.length - 1].append(buf);
        buf = '';
      }
    };
    for (const ch of String(s)) {
      if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') {
        flush();
        const b = document.createElement('bdi');
        if (ch === '\u2066') b.dir = 'ltr';
        else if (ch === '\u2067') b.dir = 'rtl';
        stack[stack.length - 1].append(b);
        stack.push(b);
      } else if (ch === '\u2069') {
        flush();
        if (stack.length > 1) stack.pop();
      } else {
        buf += ch;
      }
    }
    flush();
  }

  function webUrl(href) {
    try {
      const u = new URL(href);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function inline(parent, i) {
    if (!i || typeof i !== 'object') return;
    if (typeof i.text === 'string') {
      appendText(parent, i.text);
    } else if (typeof i.strong === 'string') {
      const s = el('strong');
      appendText(s, i.strong);
      parent.append(s);
    } else if (typeof i.em === 'string') {
      const s = el('em');
      appendText(s, i.em);
      parent.append(s);
    } else if (typeof i.code === 'string') {
      const c = el('code', null, i.code);
      c.dir = 'ltr';
      parent.append(c);
    } else if (typeof i.link === 'string') {
      const href = webUrl(i.href);
      if (!href) {
        appendText(parent, i.link);
        return;
      }
      const a = el('a');
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      appendText(a, i.link);
      const hint = el('span', 'sr-only', ' ' + T('web-new-tab'));
      hint.dir = document.documentElement.dir;
      a.append(hint);
      parent.append(a);
    } else if (i.br) {
      parent.append(el('br'));
    }
  }

  function block(parent, b) {
    if (!b || typeof b !== 'object') return;
    const run = (node, list) => {
      if (Array.isArray(list)) list.forEach((i) => inline(node, i));
    };
    let node;
    if (b.h) {
      node = el('h2');
      run(node, b.h);
    } else if (b.p) {
      node = el('p');
      run(node, b.p);
    } else if (b.note) {
      node = el('p', 'note');
      run(node, b.note);
    } else if (Array.isArray(b.ul)) {
      node = el('ul');
      b.ul.forEach((item) => {
        const li = el('li');
        li.dir = 'auto';
        run(li, item);
        node.append(li);
      });
    } else {
      return;
    }
    node.dir = 'auto';
    parent.append(node);
  }

  /* "Wegwijs:" / "You:" for screen readers, in the interface language (skipped by dir="auto"). */
  function speaker(label) {
    const s = el('span', 'sr-only', label + ': ');
    s.dir = document.documentElement.dir;
    s.lang = document.documentElement.lang;
    return s;
  }

  function botMessage(m) {
    let cls = 'msg bot';
    if (m.kind === 'urgent') cls += ' urgent';
    if (m.kind === 'relay') cls += ' relay';
    const li = el('li', cls);
    li.dataset.id = String(m.id);
    li.dataset.kind = String(m.kind || '');
    if (typeof m.lang === 'string') li.lang = m.lang;
    /* The message's own language decides its layout; its blocks still find their own direction. */
    li.dir = m.lang === 'ar' || m.lang === 'fa' ? 'rtl' : 'auto';
    li.append(speaker(T('web-bot')));
    (Array.isArray(m.blocks) ? m.blocks : []).forEach((b) => block(li, b));
    const rows = Array.isArray(m.buttons) ? m.buttons : [];
    if (rows.length) {
      const group = el('div', 'buttons');
      group.setAttribute('role', 'group');
      rows.forEach((row) =>
        (Array.isArray(row) ? row : []).forEach((b) => {
          if (!b || typeof b.label !== 'string' || typeof b.data !== 'string') return;
          const btn = el('button');
          btn.type = 'button';
          btn.dir = 'auto';
          btn.dataset.action = b.data;
          appendText(btn, b.label);
          btn.addEventListener('click', () => press(b.data, btn.textContent, true));
          group.append(btn);
        })
      );
      li.append(group);
    }
    return li;
  }

  function myMessage(text, id, choice) {
    const li = el('li', choice ? 'msg me choice' : 'msg me');
    li.dir = 'auto';
    li.dataset.cid = id;
    li.append(speaker(T('web-you')));
    li.append(String(text));
    return li;
  }

  function scrollDown() {
    main.scrollTop = main.scrollHeight;
  }

  function show(node) {
    log.append(node);
    scrollDown();
  }

  function remember(entry) {
    history.push(entry);
    if (history.length > MAX_HISTORY) history = history.slice(-MAX_HISTORY);
    save(KEY_HISTORY, JSON.stringify(history));
  }

  function forgetEntry(cid) {
    history = history.filter((h) => h.id !== cid);
    save(KEY_HISTORY, JSON.stringify(history));
    for (const li of Array.from(log.children)) {
      if (li.dataset.cid === cid) li.remove();
    }
  }

  function say(text) {
    statusLine.textContent = text || '';
  }

  let typingTimer = 0;
  function showTyping() {
    typing.hidden = false;
    scrollDown();
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, 20000);
  }
  function hideTyping() {
    typing.hidden = true;
    clearTimeout(typingTimer);
  }

  function renderIntro() {
    const intro = $('intro');
    intro.replaceChildren();
    intro.lang = document.documentElement.lang;
    T('welcome')
      .split('\n')
      .filter((l) => l.trim())
      .forEach((l) => {
        const p = el('p');
        appendText(p, l);
        intro.append(p);
      });
  }

  function applyUi(e) {
    if (e.texts && typeof e.texts === 'object') texts = e.texts;
    if (typeof e.lang === 'string') document.documentElement.lang = e.lang;
    if (e.dir === 'rtl' || e.dir === 'ltr') document.documentElement.dir = e.dir;
    document.title = T('web-title');
    const label = (id, textId) => {
      $(id).textContent = T(textId);
    };
    label('title', 'web-title');
    label('b-lang', 'button-language');
    label('b-person', 'button-advisor');
    label('b-forget', 'web-forget');
    label('b-close', 'web-close');
    label('confirm-text', 'web-forget-confirm');
    label('forget-yes', 'web-forget-yes');
    label('forget-no', 'web-forget-no');
    label('typing-text', 'web-typing');
    label('question-label', 'web-question-label');
    label('send', 'web-send');
    label('privacy', 'web-privacy');
    log.setAttribute('aria-label', T('web-conversation'));
    input.placeholder = T('web-placeholder');
    autoresize();
    renderIntro();
  }

  function receive(m) {
    if (typeof m.id !== 'number') return;
    conn.ack(m.id);
    if (shown.has(m.id)) return;
    shown.add(m.id);
    hideTyping();
    show(botMessage(m));
    remember({ msg: m });
  }

  function enqueue(m) {
    queue.push(m);
    conn.send(m);
  }

  function submitText(text) {
    if (!text.trim()) return;
    if (Array.from(text).length > cfg.maxChars) {
      say(T('web-too-long'));
      return;
    }
    say('');
    const id = rid();
    show(myMessage(text, id, false));
    remember({ me: text, id });
    input.value = '';
    autoresize();
    showTyping();
    enqueue({ t: 'text', id, text });
  }

  function press(data, label, echo) {
    say('');
    const id = rid();
    if (echo) {
      show(myMessage(label, id, true));
      remember({ me: label, id, choice: true });
    }
    showTyping();
    enqueue({ t: 'action', id, data });
  }

  function wipe() {
    token = null;
    drop(KEY_TOKEN);
    drop(KEY_HISTORY);
    history = [];
    shown.clear();
    queue = [];
    acks = [];
    log.replaceChildren();
    hideTyping();
  }

  function onEvent(e) {
    if (!e || typeof e !== 'object') return;
    switch (e.t) {
      case 'welcome':
        if (typeof e.token === 'string') {
          token = e.token;
          save(KEY_TOKEN, token);
        }
        applyUi(e);
        conn.ready();
        break;
      case 'ui':
        applyUi(e);
        break;
      case 'msg':
        receive(e);
        break;
      case 'typing':
        showTyping();
        break;
      case 'ok':
        queue = queue.filter((m) => m.id !== e.id);
        hideTyping();
        break;
      case 'notice':
        hideTyping();
        if (typeof e.id === 'string') {
          queue = queue.filter((m) => m.id !== e.id);
          /* Not sent: the words go back into the box, to send again in a moment. */
          const entry = history.find((h) => h.id === e.id);
          forgetEntry(e.id);
          if (entry && typeof entry.me === 'string' && !entry.choice && !input.value) {
            input.value = entry.me;
            autoresize();
          }
        }
        say(typeof e.text === 'string' ? e.text : '');
        break;
      case 'forgotten':
        wipe();
        if (e.msg && typeof e.msg === 'object') show(botMessage(e.msg));
        input.focus();
        conn.restart();
        break;
      case 'reset':
        token = null;
        drop(KEY_TOKEN);
        conn.restart();
        break;
      default:
        break;
    }
  }

  /* The connection: a WebSocket, or long polling where WebSockets do not get through. */
  const conn = {
    mode: cfg.transport !== 'poll' && 'WebSocket' in window ? 'ws' : 'poll',
    ws: null,
    isReady: false,
    failures: 0,
    backoff: 500,
    generation: 0,
    offlineTimer: 0,
    start() {
      this.generation += 1;
      this.isReady = false;
      if (this.mode === 'ws') this.openWs(this.generation);
      else this.pollLoop(this.generation);
    },
    restart() {
      const ws = this.ws;
      this.ws = null;
      if (ws) {
        ws.onclose = null;
        try {
          ws.close();
        } catch (e) {
          /* already closed */
        }
      }
      this.start();
    },
    hello() {
      return { t: 'hello', token: token || null, lang: cfg.pageLang || null };
    },
    ready() {
      this.isReady = true;
      this.backoff = 500;
      this.failures = 0;
      clearTimeout(this.offlineTimer);
      if (statusLine.dataset.offline) {
        delete statusLine.dataset.offline;
        say('');
      }
      queue.forEach((m) => this.send(m));
      this.flushAcks();
    },
    lost() {
      this.isReady = false;
      clearTimeout(this.offlineTimer);
      this.offlineTimer = setTimeout(() => {
        statusLine.dataset.offline = '1';
        say(T('web-offline'));
      }, 2000);
    },
    retry(gen) {
      setTimeout(() => {
        if (gen === this.generation) this.start();
      }, this.backoff);
      this.backoff = Math.min(this.backoff * 2, 15000);
    },
    openWs(gen) {
      const url = new URL('ws', location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.search = '';
      url.hash = '';
      let opened = false;
      let ws;
      try {
        ws = new WebSocket(url.href);
      } catch (e) {
        this.mode = 'poll';
        this.start();
        return;
      }
      this.ws = ws;
      ws.onopen = () => {
        opened = true;
        ws.send(JSON.stringify(this.hello()));
      };
      ws.onmessage = (ev) => {
        let e;
        try {
          e = JSON.parse(ev.data);
        } catch (x) {
          return;
        }
        onEvent(e);
      };
      ws.onclose = () => {
        if (gen !== this.generation) return;
        this.ws = null;
        /* Never opened twice in a row: WebSockets do not get through here. */
        if (!opened) {
          this.failures += 1;
          if (this.failures >= 2) this.mode = 'poll';
        }
        this.lost();
        this.retry(gen);
      };
    },
    send(m) {
      if (!this.isReady) return;
      if (this.mode === 'ws') {
        if (this.ws && this.ws.readyState === 1) this.ws.send(JSON.stringify(m));
      } else {
        this.post('api/send', { token, msg: m })
          .then((r) => r.events.forEach(onEvent))
          .catch(() => this.lost());
      }
    },
    ack(id) {
      acks.push(id);
      this.flushAcks();
    },
    flushAcks() {
      /* With long polling, acknowledgements travel with the next poll. */
      if (this.mode === 'ws' && this.isReady && this.ws && this.ws.readyState === 1 && acks.length) {
        this.ws.send(JSON.stringify({ t: 'ack', ids: acks }));
        acks = [];
      }
    },
    async post(path, body) {
      const r = await fetch(new URL(path, location.href).href, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      const j = await r.json();
      if (!j || !Array.isArray(j.events)) throw new Error('unexpected answer');
      return j;
    },
    async pollLoop(gen) {
      try {
        const r = await this.post('api/hello', this.hello());
        if (gen !== this.generation) return;
        r.events.forEach(onEvent);
        if (!this.isReady) throw new Error('not welcomed');
      } catch (e) {
        if (gen !== this.generation) return;
        this.lost();
        this.retry(gen);
        return;
      }
      while (gen === this.generation) {
        const sent = acks;
        acks = [];
        try {
          const r = await this.post('api/poll', { token, ack: sent });
          if (gen !== this.generation) return;
          if (!this.isReady) this.ready();
          r.events.forEach(onEvent);
        } catch (e) {
          acks = sent.concat(acks);
          if (gen !== this.generation) return;
          this.lost();
          await new Promise((ok) => setTimeout(ok, this.backoff));
          this.backoff = Math.min(this.backoff * 2, 15000);
        }
      }
    },
  };

  function autoresize() {
    /* An empty box follows the interface; typed words find their own direction. */
    input.dir = input.value ? 'auto' : document.documentElement.dir;
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 128) + 'px';
  }

  /* The conversation so far, from this browser; announced only from here on. */
  log.setAttribute('aria-live', 'off');
  for (const h of history) {
    if (h && h.msg && typeof h.msg.id === 'number') {
      shown.add(h.msg.id);
      log.append(botMessage(h.msg));
    } else if (h && typeof h.me === 'string') {
      log.append(myMessage(h.me, h.id, h.choice));
    }
  }
  scrollDown();
  setTimeout(() => log.setAttribute('aria-live', 'polite'), 0);

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submitText(input.value);
    input.focus();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      submitText(input.value);
    }
  });
  input.addEventListener('input', autoresize);
  $('b-lang').addEventListener('click', () => press('lm', T('button-language'), false));
  $('b-person').addEventListener('click', () => press('adv', T('button-advisor'), true));
  $('b-forget').addEventListener('click', () => {
    $('confirm').hidden = false;
    $('forget-no').focus();
  });
  $('forget-no').addEventListener('click', () => {
    $('confirm').hidden = true;
    $('b-forget').focus();
  });
  $('forget-yes').addEventListener('click', () => {
    $('confirm').hidden = true;
    input.focus();
    if (!token) {
      wipe();
      return;
    }
    enqueue({ t: 'forget', id: rid() });
  });

  /* Inside the widget's panel: a close button, Escape, and focus when the panel opens. */
  if (cfg.embed && window.parent !== window) {
    const close = () => window.parent.postMessage('wegwijs:close', '*');
    const b = $('b-close');
    b.hidden = false;
    b.addEventListener('click', close);
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') close();
    });
    window.addEventListener('message', (ev) => {
      if (ev.source === window.parent && ev.data === 'wegwijs:focus') input.focus();
    });
  }

  conn.start();
})();
