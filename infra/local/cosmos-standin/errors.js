'use strict';
/* Cosmos-like error bodies: { code, message } as the service sends them. */

const CODES = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  408: 'RequestTimeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  429: 'TooManyRequests',
  449: 'RetryWith',
  500: 'InternalServerError',
  501: 'NotImplemented',
  503: 'ServiceUnavailable',
};

const DEFAULT_MESSAGES = {
  404: 'Entity with the specified id does not exist in the system.',
  409: 'Entity with the specified id already exists in the system.',
  412: 'Operation cannot be performed because one of the specified precondition is not met.',
};

/** An Error the request dispatcher turns into a response with that status and body. */
function httpError(statusCode, code, message, substatus) {
  const err = new Error(message);
  err.statusCode = statusCode;
  err.code = code;
  if (substatus !== undefined) err.substatus = substatus;
  return err;
}

function notSupported(what, detail) {
  const message = `${what} is not supported by the stand-in (@vercel/cosmosdb-server).`;
  return httpError(501, 'NotImplemented', detail ? `${message} ${detail}` : message);
}

/** Fills in code/message on error bodies the library leaves empty (it sends {} on most 404s). */
function normalizeErrorBody(statusCode, body) {
  const out = body && typeof body === 'object' && !Array.isArray(body) ? { ...body } : {};
  if (!out.code) out.code = CODES[statusCode] || 'Error';
  if (!out.message) out.message = DEFAULT_MESSAGES[statusCode] || out.code;
  return out;
}

module.exports = { CODES, httpError, notSupported, normalizeErrorBody };
