package org.communitydesk.notification;

/** Phone numbers as logs and operators' lists may show them: the first three and last four digits. */
final class Phones {

    private Phones() {
    }

    static String mask(String phone) {
        if (phone == null) {
            return "null";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
