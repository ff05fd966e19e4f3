package io.rapport.rights;

/**
 * One feature's share of a client's data, for the client's rights: each feature that stores client data
 * implements this for its own tables, so that erasure and export never reach into another feature's tables.
 */
public interface ClientDataPart {

    /** Parts erase in ascending order, in the one erasing transaction. */
    int order();

    /** Removes what the client said or what was derived from it; erasing twice erases nothing more. */
    void erase(ClientScope client);

    /** Adds this part's rows to the export. */
    void export(ClientScope client, ClientExportBuilder export);
}
