"""What the email worker records as a failed attempt and retries: the SMTP server refused (a 4xx says "for now"),
dropped the connection, could not be reached or did not answer in EMAIL_TIMEOUT."""

import smtplib

SMTP_ERRORS: tuple[type[BaseException], ...] = (smtplib.SMTPException, ConnectionError, TimeoutError)
