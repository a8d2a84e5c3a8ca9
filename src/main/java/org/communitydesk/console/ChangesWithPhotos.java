package org.communitydesk.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.communitydesk.photo.PhotoService;
import org.communitydesk.photo.PhotoStep;
import org.communitydesk.photo.PhotoUploads;
import org.communitydesk.ticket.Caller;
import org.communitydesk.ticket.ExpectedVersion;
import org.communitydesk.ticket.TicketRequests.AddReportRequest;
import org.communitydesk.ticket.TicketRequests.CreateTicketRequest;
import org.communitydesk.ticket.TicketRequests.MoveRequest;
import org.communitydesk.ticket.TicketRequests.NoteRequest;
import org.communitydesk.ticket.TicketRequests.ResolveRequest;
import org.communitydesk.ticket.TicketService;
import org.communitydesk.ticket.TicketViews.TicketView;
import org.communitydesk.ticket.Visibility;

/**
 * A page's change of a ticket together with the photos its form carried, in one transaction: a refused change
 * records no photo, and a photo that cannot be recorded undoes the change. The photos were decoded and stored
 * before ({@link PhotoUploads#prepare}); a rollback leaves only files that no row names, as the API does.
 */
@ApplicationScoped
@Transactional
public class ChangesWithPhotos {

    @Inject
    TicketService tickets;

    @Inject
    PhotoService photos;

    /** Where and how the photos go: the step is the form's, the visibility what the form chose (null: the step's default). */
    public record Photos(PhotoUploads.Prepared prepared, Visibility visibility) {
    }

    public TicketView create(CreateTicketRequest request, Photos attached, Caller caller) {
        TicketView ticket = tickets.create(request, caller);
        photos.add(ticket.code(), PhotoStep.INTAKE, attached.visibility(), attached.prepared(), caller);
        return ticket;
    }

    public TicketView addReport(String code, AddReportRequest request, Photos attached, Caller caller) {
        TicketView ticket = tickets.addReport(code, request, ExpectedVersion.NONE, caller);
        photos.add(ticket.code(), PhotoStep.REPORT, attached.visibility(), attached.prepared(), caller);
        return ticket;
    }

    public TicketView start(String code, ExpectedVersion expected, Photos attached, Caller caller) {
        TicketView ticket = tickets.start(code, new MoveRequest(null), expected, caller);
        photos.add(ticket.code(), PhotoStep.START, attached.visibility(), attached.prepared(), caller);
        return ticket;
    }

    public TicketView resolve(String code, ResolveRequest request, ExpectedVersion expected, Photos attached, Caller caller) {
        TicketView ticket = tickets.resolve(code, request, expected, caller);
        photos.add(ticket.code(), PhotoStep.RESOLVE, attached.visibility(), attached.prepared(), caller);
        return ticket;
    }

    public void addNote(String code, NoteRequest request, Photos attached, Caller caller) {
        tickets.addNote(code, request, ExpectedVersion.NONE, caller);
        photos.add(code, PhotoStep.NOTE, attached.visibility(), attached.prepared(), caller);
    }
}
