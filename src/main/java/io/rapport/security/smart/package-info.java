/**
 * SMART Backend Services (client credentials with {@code private_key_jwt}): admins register EHR clients with their
 * public keys and scopes ({@link io.rapport.security.smart.SmartClientResource}); a client trades a signed assertion
 * for a short-lived access token ({@link io.rapport.security.smart.TokenResource}) and presents it on /fhir like an
 * API key ({@link io.rapport.security.smart.SmartTokenIdentityProvider}).
 */
package io.rapport.security.smart;
