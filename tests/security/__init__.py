"""Security tests (issue 9): the authorization matrix over every admin, REST and WebSocket surface, and the
package's other security suites."""
