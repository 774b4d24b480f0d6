# Emergency places: the secretariat's page of free places and the section
# of the case page. Every id starts with "places-", except the shared
# vocabularies, errors and notices.

place_kind-men = Men
place_kind-women = Women
place_kind-families = Families
place_kind-minors = Minors
case_event_kind-place_allocated = Emergency place allocated
case_event_kind-place_released = Emergency place released
nav-places = Emergency places
done-place-allocated = Place allocated.
done-place-released = Place released: it is free again.
done-place-transferred = The person has been moved to the new place.

error-place_taken = The place has just been allocated to someone else: choose another free place.
error-place_withdrawn = The facility has withdrawn this place.
error-place_occupied = The place is allocated: release it before withdrawing it.
error-allocation_released = This allocation has already ended.
error-not_a_facility = This organisation does not offer emergency places.
error-label_taken = The facility already has a place with this name.
error-unknown_place = Choose a free place of the region.
error-until_before_from = The end date comes before the start date.

places-title = Emergency places
places-intro = Places declared by the facilities of your region, with those free now.
places-filter-label = Filter the places
places-filter-kind = For
places-filter-free = Availability
places-filter-free-any = All
places-filter-free-yes = Free only
places-filter-free-no = Allocated only
places-filter-accessible = Accessible only
places-filter-apply = Filter
places-any = Any
places-caption = Places of { $facility }
places-col-label = Place
places-col-kind = For
places-col-accessible = Accessible
places-col-status = Status
places-free = Free
places-taken = Allocated since { $from }
places-withdrawn = Withdrawn
places-case-link = Open the case
places-none = No place matches the filters.
places-count-free = { $count ->
    [one] { $count } free place
   *[other] { $count } free places
}
places-yes = yes
places-no = no

places-section-title = Emergency place
places-section-none = No emergency place has been allocated to this case.
places-section-caption = Places allocated to the case, newest first
places-section-place = Place
places-section-dates = Dates
places-section-by = Allocated by
places-section-status = Status
places-section-active = In use
places-section-released = Released on { $date }
places-section-from-until = { $from } – { $until }
places-section-from = from { $from }
places-allocate-title = Allocate a free place
places-allocate-none = No place is free in the region now.
places-allocate = Allocate the place
places-release = Release the place
places-transfer-title = Move to another place
places-transfer = Move
places-field-place_id = Free place
places-field-from = From
places-field-until = Until (optional)
places-field-reason = Reason
places-choose = Choose…

done-places-declared = Places declared: the regional secretariat already sees them as free.
done-place-withdrawn = Place withdrawn: it is no longer offered.
done-place-offered = The place is offered again.
error-place_count_out_of_range = Give a number of places from 1 to { $max_places }.
places-own-title = The places of { $facility }
places-own-none = The facility has not declared any places yet.
places-own-caption = The facility's places by kind and availability
places-own-taken = Taken
places-declare-title = Declare new places
places-declare = Declare the places
places-field-kind = For
places-field-count = How many places
places-field-count-hint = From 1 to { $max }.
places-field-label = Name (optional)
places-field-label-hint = Several places are numbered after the name: "Letto" when none is given, e.g. Letto 1, Letto 2…
places-field-accessible = Accessible (no architectural barriers)
places-col-availability = Availability
places-withdraw = Withdraw
places-offer = Offer again

# The account the automatic end of allocations acts as.
error-system_account = This is the system account of automatic jobs: it is never switched on nor given a token.
error-user_inactive = The user is deactivated: activate them before creating a token.
