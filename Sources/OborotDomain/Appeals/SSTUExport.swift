public import Foundation

/// The monthly export to ССТУ.РФ (Указ № 171): request → question → processing, as JSON. Personal data goes as the
/// portal's model requires it; the file is produced only for those who handle appeals.
public struct SSTUExport: Sendable, Equatable, Codable {
    public var department: Department
    /// `YYYY-MM`.
    public var period: String
    public var requests: [Request]

    public struct Department: Sendable, Equatable, Codable {
        public var id: UUID
        public var name: String

        public init(id: UUID, name: String) {
            self.id = id
            self.name = name
        }
    }

    public struct Request: Sendable, Equatable, Codable {
        /// false when another body forwarded it to us.
        public var isDirect: Bool
        /// `electronic` or `other`.
        public var format: String
        public var number: String
        public var createDate: String
        public var name: String
        public var address: String?
        public var email: String?
        public var forwardedFrom: ForwardedFrom?
        public var questions: [Question]
    }

    public struct Question: Sendable, Equatable, Codable {
        public var code: String
        public var status: String
        public var processing: Processing
    }

    public struct Processing: Sendable, Equatable, Codable {
        public var status: String
        public var forwardedTo: String?
        public var forwardedNumber: String?
        public var forwardedAt: String?
        public var measuresTaken: Bool
        public var answerDate: String?
        public var answerFile: String?
    }

    /// One appeal of the month as the store gives it: with its registration, and for each question the number of
    /// the covering letter it was forwarded with and the answer letter's file, when there are.
    public struct Source: Sendable, Equatable {
        public var appeal: Appeal
        public var number: String
        public var registeredOn: CalendarDate
        public var forwardedNumbers: [UUID: String]
        public var answerDate: CalendarDate?
        public var answerFile: String?

        public init(
            appeal: Appeal, number: String, registeredOn: CalendarDate, forwardedNumbers: [UUID: String] = [:],
            answerDate: CalendarDate? = nil, answerFile: String? = nil
        ) {
            self.appeal = appeal
            self.number = number
            self.registeredOn = registeredOn
            self.forwardedNumbers = forwardedNumbers
            self.answerDate = answerDate
            self.answerFile = answerFile
        }
    }

    public static func make(department: Department, year: Int, month: Int, sources: [Source]) -> SSTUExport {
        SSTUExport(
            department: department, period: String(format: "%04d-%02d", year, month),
            requests: sources.map { source in
                let appeal = source.appeal
                let applicant = appeal.applicants.first
                return Request(
                    isDirect: appeal.forwardedFrom == nil, format: appeal.channel.form == .electronic ? "electronic" : "other",
                    number: source.number, createDate: source.registeredOn.iso,
                    name: appeal.isAnonymous && applicant?.displayName.isEmpty != false ? "Аноним" : applicant?.displayName ?? "",
                    address: applicant?.postalAddress, email: applicant?.email, forwardedFrom: appeal.forwardedFrom,
                    questions: appeal.questions.map { question in
                        Question(
                            code: question.topicCode.description, status: question.status.rawValue,
                            processing: Processing(
                                status: question.status.rawValue, forwardedTo: question.forwardedTo?.bodyName,
                                forwardedNumber: source.forwardedNumbers[question.id],
                                forwardedAt: question.forwardedTo?.forwardedOn.iso, measuresTaken: question.measuresTaken,
                                answerDate: question.status.isAnswered ? (source.answerDate ?? question.resolvedOn)?.iso : nil,
                                answerFile: question.status.isAnswered ? source.answerFile : nil))
                    })
            })
    }
}
