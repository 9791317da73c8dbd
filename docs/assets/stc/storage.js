/* This browser's localStorage, the only place progress is kept. Every read is validated
   and every failure survivable: blocked or full storage, records from another version. */
import { isCheckUpRecord } from "./check-up-rules.js";
import facts from "./facts.js";
import { isRecord, isSlug } from "./records.js";

const PREFIX = facts.storagePrefix;
const SETTINGS = new Set(facts.storageSettings);
export const BLOCKED = "Progress can't be saved in this browser (storage is blocked or full).";

/** Inside an LMS package, the store the launch page keeps for the LMS session (see
    package.js): on the launch page itself or on an exercise page in its frame. */
function packageStore() {
  for (const place of [window, window.parent]) {
    try {
      if (place.stcPackage?.store) return place.stcPackage.store;
    } catch {
      /* a frame of another origin */
    }
  }
  return null;
}

/** Where progress is kept: the LMS session's store inside a package, else localStorage if
    this browser lets the site read it, else null. A full store is still readable:
    everything saved must stay visible even when nothing more can be written. */
export function storage() {
  try {
    const store = packageStore() ?? localStorage;
    store.getItem(PREFIX);
    return store;
  } catch {
    return null;
  }
}

/** Whether a write succeeds now (a blocked or full store refuses). */
export function writable() {
  try {
    const store = storage();
    store.setItem(PREFIX, "");
    store.removeItem(PREFIX);
    return true;
  } catch {
    return false;
  }
}

export function write(id, record) {
  if (SETTINGS.has(id)) return false;
  try {
    storage().setItem(PREFIX + id, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Save a record for an exercise unless `keepOld` says the valid record stored there now
    is to stay ("kept"); whatever it replaces, valid or not, is kept aside first. "written",
    "kept", or false when what is stored cannot be read or kept (nothing is written then).
    Storage that lists fewer records than it holds can so never lead an import to overwrite
    one unweighed. */
export function replace(id, record, keepOld) {
  if (SETTINGS.has(id)) return false;
  try {
    const store = storage();
    const raw = store.getItem(PREFIX + id);
    if (raw !== null) {
      let old = null;
      try {
        old = JSON.parse(raw);
      } catch {
        /* not a record: kept aside below */
      }
      if (isRecord(old) && keepOld(old)) return "kept";
      if (raw !== JSON.stringify(record)) store.setItem(`${PREFIX}aside:${id}:${Date.now()}`, raw);
    }
    store.setItem(PREFIX + id, JSON.stringify(record));
    return "written";
  } catch {
    return false;
  }
}

/** Move what is stored for an exercise aside (kept, never deleted), so that the exercise
    starts fresh. True when nothing is left in its place. */
export function putAside(id) {
  if (SETTINGS.has(id)) return false;
  try {
    const store = storage();
    const raw = store.getItem(PREFIX + id);
    if (raw === null) return true;
    store.setItem(`${PREFIX}aside:${id}:${Date.now()}`, raw);
    store.removeItem(PREFIX + id);
    return true;
  } catch {
    return false; // blocked or full: what is stored stays where it is
  }
}

/** The stored text under a key, or null when there is none or it cannot be read. */
function read(store, key) {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

/** Every key in the store; a store that throws while listing gives the keys listed so far. */
function keys(store) {
  const found = [];
  try {
    for (let i = 0; i < store.length; i++) found.push(store.key(i));
  } catch {
    /* the rest cannot be listed */
  }
  return found;
}

/** Every valid saved record, by exercise id; a Map, so no id can reach Object.prototype. */
export function readAll() {
  const store = storage();
  const records = new Map();
  for (const key of store ? keys(store) : []) {
    if (typeof key !== "string" || !key.startsWith(PREFIX)) continue; // not ours
    const id = key.slice(PREFIX.length);
    if (!isSlug(id) || SETTINGS.has(id)) continue; // set aside, or a setting
    try {
      const record = JSON.parse(read(store, key));
      if (isRecord(record)) records.set(id, record);
    } catch {
      /* unreadable: skipped */
    }
  }
  return records;
}

/** What is stored for one exercise, asked for directly (storage that cannot list its keys
    can still be asked for one): { record } for a valid record, { text } for stored text that
    is not one, {} for nothing, or null when it cannot be read. */
export function readOne(id) {
  let text;
  try {
    text = storage().getItem(PREFIX + id);
  } catch {
    return null;
  }
  if (text === null) return {};
  try {
    const record = JSON.parse(text);
    if (isRecord(record)) return { record };
  } catch {
    /* not a record */
  }
  return { text };
}

/** Everything kept aside (work an import replaced, a record for an older version or one
    that could not be read), oldest first: { id, at, record }, with `record` null when the
    text kept is not a valid record, and `text` the text as kept. */
export function readAside() {
  const store = storage();
  const found = [];
  for (const key of store ? keys(store) : []) {
    const match = typeof key === "string" && key.startsWith(`${PREFIX}aside:`) && /^(.+):(\d+)$/.exec(key.slice(PREFIX.length + 6));
    if (!match) continue;
    const text = read(store, key);
    let record = null;
    try {
      record = JSON.parse(text);
    } catch {
      /* kept as text */
    }
    found.push({ id: match[1], at: Number(match[2]), record: isRecord(record) ? record : null, text });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The saved record for an exercise, or a notice why it starts fresh. A record that
    cannot be used is moved aside, never deleted. */
export function load(id, version) {
  const store = storage();
  if (!store) return { notice: BLOCKED };
  let raw;
  try {
    raw = store.getItem(PREFIX + id);
  } catch {
    return { notice: BLOCKED, readOnly: true };
  }
  if (raw === null) return {};
  let record = null;
  try {
    record = JSON.parse(raw);
  } catch {
    /* reported below */
  }
  const problem = !isRecord(record) ? "could not be read" : record.version !== version ? "was for an earlier version of this exercise" : "";
  if (!problem) return { record };
  try {
    store.setItem(`${PREFIX}aside:${id}:${Date.now()}`, raw);
  } catch {
    /* full: the old record stays where it is */
    return {
      notice: `Your saved progress ${problem}, and there is no room to keep it aside, so this exercise is not saved for now.`,
      readOnly: true,
    };
  }
  try {
    store.removeItem(PREFIX + id);
  } catch {
    /* kept aside and still in place: the fresh start replaces it on the next save */
  }
  return { notice: `Your saved progress ${problem}, so the exercise starts fresh. The old answers were kept aside.` };
}

function settingKey(name) {
  if (!SETTINGS.has(name)) throw new Error(`unknown setting ${name}`);
  return `${PREFIX}${name}`;
}

export function readSetting(name) {
  const store = storage();
  return (store && read(store, settingKey(name))) ?? "";
}

export function writeSetting(name, value) {
  try {
    storage()?.setItem(settingKey(name), value);
  } catch {
    /* not saved: the page still works */
  }
}

/* Check-ups are kept beside the exercises, under a key no exercise id can have. */
const checkUpKey = (form) => `check-up:${form}`;

/** What is stored for a check-up form: { record } for a valid record, { text } for stored
    text that is not one, {} for nothing, or null when it cannot be read. */
export function readCheckUp(form) {
  let text;
  try {
    text = storage().getItem(PREFIX + checkUpKey(form));
  } catch {
    return null;
  }
  if (text === null) return {};
  try {
    const record = JSON.parse(text);
    if (isCheckUpRecord(record) && record.form === form) return { record };
  } catch {
    /* not a record */
  }
  return { text };
}

export const writeCheckUp = (form, record) => write(checkUpKey(form), record);

/** Move a check-up aside (kept, never deleted); true when nothing is left in its place. */
export const putAsideCheckUp = (form) => putAside(checkUpKey(form));
