/// Russian wording of the access area.
enum AccessTexts {
    static let selfDelegation = "Нельзя поручить полномочия самому себе."
    static let delegationEndsBeforeStart = "Дата окончания должна быть позже даты начала."
}
