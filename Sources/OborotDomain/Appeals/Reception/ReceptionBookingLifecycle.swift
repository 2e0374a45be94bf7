/// The booking state machine: booked → attended, no-show or cancelled; the three are final.
public enum ReceptionBookingLifecycle {
    public static func next(_ state: ReceptionBookingState, on event: ReceptionBookingEvent) -> Result<ReceptionBookingState, OborotError> {
        state == .booked ? .success(event.target) : .failure(.receptionIllegalTransition(event, from: state))
    }

    /// The events that make sense from a state, for the buttons a booking shows.
    public static func events(from state: ReceptionBookingState) -> [ReceptionBookingEvent] {
        ReceptionBookingEvent.allCases.filter { (try? next(state, on: $0).get()) != nil }
    }
}
