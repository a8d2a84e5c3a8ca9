package org.communitydesk.notification;

/** A channel did not take a message; the text is for operators (the notification's last error), never personal data. */
class DeliveryFailure extends Exception {

    DeliveryFailure(String message) {
        super(message);
    }

    DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
