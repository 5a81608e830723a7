/**
 * Access control for the REST API: API keys with roles, stored only as hashes, checked by a stateless Spring Security
 * filter chain that answers 401/403/429 as problem+json, rate-limits failed attempts and audits every mutation.
 */
@NullMarked
package io.zeekagent.hub.security;

import org.jspecify.annotations.NullMarked;
