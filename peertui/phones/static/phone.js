/* The phone page of peertui (docs/phones.md). Pairs with the facilitator's computer by X25519
 * with a hash commitment, shows the short code, then sends and receives only NaCl-box messages
 * with growing sequence numbers. Keys live in this page's memory only: nothing is written to
 * cookies or any browser storage, and a reload pairs again. Every text is set with
 * textContent, never as HTML. The same protocol in Python: peertui/phones/protocol.py. */
"use strict";

(function () {
  var CODE_CONTEXT = "peertui-phone-code";
  var NONCE_BYTES = 24;
  var KEY_BYTES = 32;

  // ---------------------------------------------------------------- the protocol (pure)

  function b64(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return btoa(text);
  }

  function unb64(text) {
    if (typeof text !== "string") throw new Error("not base64");
    var raw = atob(text);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function concat(parts) {
    var size = 0;
    parts.forEach(function (p) { size += p.length; });
    var out = new Uint8Array(size);
    var at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }

  /* What the phone sends before it reveals its key: SHA-512(phone_pk). */
  function commitment(nacl, phonePk) {
    return nacl.hash(phonePk);
  }

  /* Six digits "482 913": the first four bytes of
   * SHA-512("peertui-phone-code" || server_pk || phone_pk), big-endian, modulo 1,000,000. */
  function shortCode(nacl, serverPk, phonePk) {
    var d = nacl.hash(concat([new TextEncoder().encode(CODE_CONTEXT), serverPk, phonePk]));
    var n = (d[0] * 16777216 + d[1] * 65536 + d[2] * 256 + d[3]) % 1000000;
    var digits = String(n).padStart(6, "0");
    return digits.slice(0, 3) + " " + digits.slice(3);
  }

  /* One paired channel: box.before once, box.after per message, a fresh random nonce each
   * time, and the sequence numbers of both directions checked. */
  function Channel(nacl, secretKey, serverPk) {
    this.nacl = nacl;
    this.key = nacl.box.before(serverPk, secretKey);
    this.sent = 0;
    this.received = 0;
  }

  Channel.prototype.seal = function (payload) {
    this.sent += 1;
    var message = Object.assign({}, payload, { to: "console", seq: this.sent });
    var nonce = this.nacl.randomBytes(NONCE_BYTES);
    var plain = new TextEncoder().encode(JSON.stringify(message));
    return { n: b64(nonce), c: b64(this.nacl.box.after(plain, nonce, this.key)) };
  };

  Channel.prototype.open = function (reply) {
    var nonce = unb64(reply && reply.n);
    if (nonce.length !== NONCE_BYTES) throw new Error("bad nonce");
    var plain = this.nacl.box.open.after(unb64(reply.c), nonce, this.key);
    if (!plain) throw new Error("forged");
    var message = JSON.parse(new TextDecoder().decode(plain));
    if (!message || message.to !== "phone" || !Number.isSafeInteger(message.seq) ||
        message.seq <= this.received) {
      throw new Error("replay");
    }
    this.received = message.seq;
    return message;
  };

  var Protocol = {
    b64: b64, unb64: unb64, commitment: commitment, shortCode: shortCode, Channel: Channel,
    KEY_BYTES: KEY_BYTES, NONCE_BYTES: NONCE_BYTES
  };

  // The tests load this file in Node to check that it agrees with the Python side.
  if (typeof module === "object" && module.exports) {
    module.exports = Protocol;
    return;
  }

  // ---------------------------------------------------------------- the page

  var PROMPTS = 4;
  var SAVE_AFTER_MS = 3000;
  var POLL_WAITING_MS = 2000;
  var POLL_ASSIGNED_MS = 4000;
  var RETRY_MS = 3000;
  var BUSY_MS = 10000;
  /* Gone this long with every word saved: phones were turned off. The page forgets. */
  var OVER_AFTER_MS = 120000;

  function Gone() {}
  function Busy() {}
  function Forbidden() {}

  function el(id) { return document.getElementById(id); }

  function fill(template, name, value) {
    return template.split("{" + name + "}").join(value);
  }

  function start(nacl) {
    var words = JSON.parse(el("words").textContent);
    var s = {
      id: null, channel: null, view: "connecting", version: null,
      edits: 0, savedEdits: 0, refusedEdits: -1, typing: false,
      queue: Promise.resolve(), forbidden: 0, saveTimer: null, tickTimer: null,
      prompts: false, ended: false, goneSince: 0
    };

    function show(view) {
      s.view = view;
      ["connecting", "pairing", "writing", "ended"].forEach(function (name) {
        el(name).hidden = name !== view;
      });
    }

    function banner(text) {
      el("banner").textContent = text || "";
      el("banner").hidden = !text;
    }

    function status(text) { el("status").textContent = text || ""; }

    function answers() {
      var out = [];
      for (var i = 1; i <= PROMPTS; i++) out.push(el("answer-" + i).value);
      return out;
    }

    function post(path, body, keepalive) {
      return fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        cache: "no-store",
        credentials: "omit",
        referrerPolicy: "no-referrer",
        keepalive: !!keepalive
      }).catch(function () { throw new Gone(); });
    }

    function pair() {
      var keys = nacl.box.keyPair();
      var serverPk;
      return post("/pair", { commit: b64(commitment(nacl, keys.publicKey)) })
        .then(function (r) {
          if (r.status === 429) throw new Busy();
          if (!r.ok) throw new Gone();
          return r.json();
        })
        .then(function (j) {
          serverPk = unb64(j.server_pk);
          if (serverPk.length !== KEY_BYTES || typeof j.id !== "string") throw new Gone();
          s.id = j.id;
          // Only now, with the computer's key fixed, is the phone's key revealed.
          return post("/reveal", { id: j.id, phone_pk: b64(keys.publicKey) });
        })
        .then(function (r) {
          if (!r.ok) throw new Gone();
          s.channel = new Channel(nacl, keys.secretKey, serverPk);
          s.forbidden = 0;
          el("code").textContent = shortCode(nacl, serverPk, keys.publicKey);
          show("pairing");
        });
    }

    /* One message at a time, in order: a later one never overtakes an earlier one. */
    function send(payload, keepalive) {
      var run = function () {
        if (!s.channel) return Promise.reject(new Gone());
        var box = s.channel.seal(payload);
        return post("/msg", Object.assign({ id: s.id }, box), keepalive).then(function (r) {
          if (r.status === 403) throw new Forbidden();
          if (!r.ok) throw new Gone();
          return r.json().then(function (j) {
            try { return s.channel.open(j); } catch (e) { throw new Gone(); }
          });
        });
      };
      var p = s.queue.then(run, run);
      s.queue = p.catch(function () {});
      return p;
    }

    function showPrompts(prompts) {
      if (s.prompts || !Array.isArray(prompts)) return;
      for (var i = 1; i <= PROMPTS; i++) {
        var prompt = prompts[i - 1] || {};
        el("title-" + i).textContent = prompt.title || "";
        el("guidance-" + i).textContent = prompt.guidance || "";
      }
      s.prompts = true;
    }

    function handle(reply) {
      s.forbidden = 0;
      s.goneSince = 0;
      banner("");
      if (reply.state === "ended") {
        // The participant is no longer in the group, or no longer agrees to have the
        // statement stored: nothing more is saved, and the words leave this page.
        ended();
        return;
      }
      if (reply.state === "waiting") {
        show("pairing");
        return;
      }
      if (reply.state !== "assigned") return;
      showPrompts(reply.prompts);
      if (Array.isArray(reply.answers) && typeof reply.version === "string") {
        // Words typed here and not saved yet are never overwritten.
        if (s.edits === s.savedEdits) {
          for (var i = 1; i <= PROMPTS; i++) el("answer-" + i).value = reply.answers[i - 1] || "";
          s.version = reply.version;
        }
      }
      if (s.view !== "writing") {
        show("writing");
        if (reply.at) status(fill(words.saved, "time", reply.at));
      }
      if (reply.problem) status(fill(words.not_saved_why, "why", reply.problem));
    }

    /* Nothing stays on the phone: a browser keeps a page's form fields in its session files
       when the page is left (to restore the tab), so the fields are emptied first. */
    function forget() {
      for (var i = 1; i <= PROMPTS; i++) el("answer-" + i).value = "";
      s.savedEdits = s.edits;
    }

    function ended() {
      s.ended = true;
      s.channel = null;
      s.id = null;
      clearTimeout(s.saveTimer);
      clearTimeout(s.tickTimer);
      forget();
      banner("");
      show("ended");
    }

    function trouble(error, retry) {
      if (error instanceof Forbidden) {
        // Twice in a row: the access has ended (or phones were turned off and on again, and
        // the computer no longer knows this phone: a reload pairs it again).
        s.forbidden += 1;
        if (s.forbidden >= 2) { ended(); return; }
        if (retry) later(250);
        return;
      }
      if (error instanceof Busy) {
        banner(words.busy);
        if (retry) later(BUSY_MS);
        return;
      }
      // The computer has not answered for a while and every word is saved there: phones
      // were turned off (or the meeting ended). Nothing is left on the page. Words not yet
      // saved are kept, and sent when the computer answers again.
      if (!s.goneSince) s.goneSince = Date.now();
      if (Date.now() - s.goneSince >= OVER_AFTER_MS && s.edits === s.savedEdits) {
        ended();
        el("ended-text").textContent = words.over;
        return;
      }
      banner(words.gone);
      if (retry) later(RETRY_MS);
    }

    function later(ms) {
      if (s.ended) return;
      clearTimeout(s.tickTimer);
      s.tickTimer = setTimeout(tick, ms);
    }

    function tick() {
      if (s.ended) return;
      var step = s.channel ? Promise.resolve() : pair();
      step
        .then(function () {
          var typing = s.typing;
          s.typing = false;
          return send({ type: "poll", typing: typing, version: s.version });
        })
        .then(function (reply) {
          handle(reply);
          // Words that could not be sent while the connection was gone: send them now.
          if (s.view === "writing" && s.edits !== s.savedEdits && s.edits !== s.refusedEdits &&
              !s.saveTimer) {
            scheduleSave(0);
          }
          later(s.view === "writing" ? POLL_ASSIGNED_MS : POLL_WAITING_MS);
        })
        .catch(function (error) { trouble(error, true); });
    }

    function save(kind, keepalive) {
      s.saveTimer = null;
      if (s.ended || !s.channel || s.edits === s.savedEdits) return Promise.resolve();
      var edits = s.edits;
      status(words.saving);
      return send({ type: kind, answers: answers(), version: s.version }, keepalive)
        .then(function (reply) {
          if (reply.saved) {
            s.savedEdits = edits;
            if (typeof reply.version === "string") s.version = reply.version;
            status(fill(words.saved, "time", reply.at || ""));
          } else {
            // A refusal of these words waits for new typing; a full disk ("retry") does
            // not: the same words are sent again with the next poll.
            if (!reply.retry) s.refusedEdits = edits;
            status(reply.why ? fill(words.not_saved_why, "why", reply.why) : words.not_saved);
          }
          handle(reply);
        })
        .catch(function (error) {
          status(words.not_saved);
          trouble(error, false);
        });
    }

    function scheduleSave(ms) {
      clearTimeout(s.saveTimer);
      s.saveTimer = setTimeout(function () { save("save", false); }, ms);
    }

    for (var i = 1; i <= PROMPTS; i++) {
      el("answer-" + i).addEventListener("input", function () {
        s.edits += 1;
        s.typing = true;
        scheduleSave(SAVE_AFTER_MS);
      });
    }

    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && s.view === "writing") {
        clearTimeout(s.saveTimer);
        save("save", true);
      }
    });

    window.addEventListener("pagehide", function () {
      if (s.view !== "writing" || !s.channel) return;
      clearTimeout(s.saveTimer);
      // The page is going: no waiting in the queue, the last words ride along with "bye".
      var box = s.channel.seal({ type: "bye", answers: answers(), version: s.version });
      try { post("/msg", Object.assign({ id: s.id }, box), true).catch(function () {}); }
      catch (e) { /* a body too large for keepalive: the last autosave stands */ }
      forget();
    });

    // Back to a page the browser kept in memory: its fields were emptied on leaving, so the
    // words saved on the computer are asked for again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && !s.ended) { clearTimeout(s.tickTimer); tick(); }
    });

    show("connecting");
    tick();
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof window.nacl !== "object") {
      el("banner").textContent = JSON.parse(el("words").textContent).gone;
      el("banner").hidden = false;
      return;
    }
    start(window.nacl);
  });
})();
