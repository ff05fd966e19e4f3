package io.rapport.demo;

/**
 * Adds more demo data once the organization, accounts, pairs and sessions exist, such as assignments and
 * responses. Every bean of this type runs in the seeding transaction, on the first seeding only.
 */
public interface DemoContributor {

    void contribute(DemoData data);
}
